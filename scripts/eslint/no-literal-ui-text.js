// ESLint rule: every word the agent sees comes from the en/es catalogs (issue 13,
// "no English on a Spanish screen"). In the renderer's JSX it refuses
//  - text between tags that holds a letter ("Save", "Due:"), except inside <kbd>
//    (a key's name is the same in every language: c, Esc, ?);
//  - a string with a letter given to an attribute a person reads or hears:
//    aria-label, aria-description, aria-roledescription, aria-valuetext,
//    aria-placeholder, title, alt, placeholder, label — as a literal, or as a
//    string or template literal inside {…}.
// Text inside an element with its own lang attribute is allowed (an endonym in a
// language menu). Symbols and punctuation (·, —, ←, ●, …) are allowed: they read the same everywhere.

const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'alt',
  'placeholder',
  'label',
]);

const LETTER = /\p{L}/u;

function elementName(node) {
  const name = node?.openingElement?.name;
  return name?.type === 'JSXIdentifier' ? name.name : undefined;
}

/** The literal text an expression may produce (both branches of a ?:, either side of || and ??). */
function literalTexts(expression) {
  if (!expression) return [];
  switch (expression.type) {
    case 'Literal':
      return typeof expression.value === 'string' ? [expression.value] : [];
    case 'TemplateLiteral':
      return [expression.quasis.map((q) => q.value.cooked ?? '').join('')];
    case 'ConditionalExpression':
      return [...literalTexts(expression.consequent), ...literalTexts(expression.alternate)];
    case 'LogicalExpression':
      return [...literalTexts(expression.left), ...literalTexts(expression.right)];
    default:
      return [];
  }
}

/**
 * Whether the element declares its own language (lang="es"): its text is deliberately
 * in that language whatever the screen's (a language's own name in a language menu).
 */
function hasOwnLanguage(node) {
  return (node?.openingElement?.attributes ?? []).some(
    (a) => a.type === 'JSXAttribute' && a.name.type === 'JSXIdentifier' && a.name.name === 'lang',
  );
}

const withLetter = (texts) => texts.map((t) => t.trim()).find((t) => LETTER.test(t));

export default {
  meta: {
    type: 'problem',
    docs: { description: 'UI text in JSX must come from the en/es catalogs' },
    schema: [],
    messages: {
      text: 'Text the agent sees must come from the catalog (t.…), not "{{text}}".',
      attribute: 'The {{name}} text must come from the catalog (t.…), not "{{text}}".',
    },
  },
  create(context) {
    return {
      JSXText(node) {
        const text = node.value.trim();
        if (!LETTER.test(text)) return;
        if (elementName(node.parent) === 'kbd' || hasOwnLanguage(node.parent)) return;
        context.report({ node, messageId: 'text', data: { text } });
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type !== 'JSXElement' && node.parent?.type !== 'JSXFragment') return;
        if (elementName(node.parent) === 'kbd') return;
        const text = withLetter(literalTexts(node.expression));
        if (text !== undefined) context.report({ node, messageId: 'text', data: { text } });
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : undefined;
        if (!name || !READ_ATTRIBUTES.has(name)) return;
        const value = node.value;
        const texts =
          value?.type === 'Literal'
            ? literalTexts(value)
            : value?.type === 'JSXExpressionContainer'
              ? literalTexts(value.expression)
              : [];
        const text = withLetter(texts);
        if (text !== undefined) context.report({ node, messageId: 'attribute', data: { name, text } });
      },
    };
  },
};
