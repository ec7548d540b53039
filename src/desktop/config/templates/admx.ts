import { POLICY_REGISTRY_PATH, PRODUCT_NAME } from '../app-identity';
import { settingSpecs, xmlEscape, type SettingSpec } from './setting-specs';

/**
 * Group Policy templates (ADMX + en-US ADML) for Agent Desk's settings, generated
 * from the settings schema. Copy them to the Central Store
 * (\\<domain>\SYSVOL\<domain>\Policies\PolicyDefinitions) or import the ADMX into
 * Intune; the settings appear under Administrative Templates → Agent Desk, for the
 * computer and for users (HKLM wins, windows-policies.ts).
 *
 * A policy set to Disabled writes nothing, like Not configured: the setting's default applies.
 */

const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const XSD =
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const CATEGORY = 'AgentDesk';
const SUPPORTED = 'SUPPORTED_AgentDesk';

function element(spec: SettingSpec): string {
  const id = `id="${spec.key}" valueName="${spec.key}"`;
  switch (spec.kind.type) {
    case 'text':
      return `<text ${id} required="true" maxLength="2048" />`;
    case 'whole-number':
      return `<decimal ${id} required="true" minValue="${spec.kind.min}" maxValue="${spec.kind.max}" />`;
    case 'choice': {
      const items = spec.kind.values.map(
        (value) =>
          `          <item displayName="$(string.${spec.key}_${value})"><value><string>${xmlEscape(value)}</string></value></item>`,
      );
      return `<enum ${id} required="true">\n${items.join('\n')}\n        </enum>`;
    }
    case 'list':
      return `<list id="${spec.key}" key="${xmlEscape(`${POLICY_REGISTRY_PATH}\\${spec.key}`)}" valuePrefix="" />`;
  }
}

function policy(spec: SettingSpec): string {
  return `    <policy name="${spec.key}" class="Both" displayName="$(string.${spec.key})" explainText="$(string.${spec.key}_Explain)" presentation="$(presentation.${spec.key})" key="${xmlEscape(POLICY_REGISTRY_PATH)}">
      <parentCategory ref="${CATEGORY}" />
      <supportedOn ref="${SUPPORTED}" />
      <elements>
        ${element(spec)}
      </elements>
    </policy>`;
}

export function admxText(specs: readonly SettingSpec[] = settingSpecs()): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from src/desktop/config/settings-schema.ts by scripts/write-managed-settings-templates.mjs. Do not edit. -->
<policyDefinitions ${XSD} revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <policyNamespaces>
    <target prefix="agentdesk" namespace="ContactCenter.Policies.AgentDesk" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="${SUPPORTED}" displayName="$(string.${SUPPORTED})" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="${CATEGORY}" displayName="$(string.${CATEGORY})" />
  </categories>
  <policies>
${specs.map(policy).join('\n')}
  </policies>
</policyDefinitions>
`;
}

const REGISTRY_TYPE: Record<SettingSpec['kind']['type'], string> = {
  text: 'REG_SZ',
  choice: 'REG_SZ',
  'whole-number': 'REG_DWORD',
  list: 'a subkey of REG_SZ values named 1, 2, 3…',
};

function explain(spec: SettingSpec): string {
  const parts = [spec.description];
  if (spec.kind.type === 'list') parts.push(`Allowed entries: ${spec.kind.values.join(', ')}.`);
  parts.push(
    spec.defaultValue === null
      ? 'Not configured or Disabled: not set (see above).'
      : `Not configured or Disabled: ${spec.defaultValue}.`,
  );
  parts.push(
    `Registry: HKLM or HKCU\\${POLICY_REGISTRY_PATH}, ${spec.kind.type === 'list' ? `subkey ${spec.key}` : `value ${spec.key}`} (${REGISTRY_TYPE[spec.kind.type]}). The computer's value wins over the user's.`,
  );
  return parts.join('\n\n');
}

function presentation(spec: SettingSpec): string {
  const label = xmlEscape(spec.title);
  switch (spec.kind.type) {
    case 'text':
      return `<textBox refId="${spec.key}"><label>${label}</label></textBox>`;
    case 'whole-number': {
      const initial = typeof spec.defaultValue === 'number' ? spec.defaultValue : spec.kind.min;
      return `<decimalTextBox refId="${spec.key}" defaultValue="${initial}">${label}</decimalTextBox>`;
    }
    case 'choice':
      return `<dropdownList refId="${spec.key}" noSort="true">${label}</dropdownList>`;
    case 'list':
      return `<listBox refId="${spec.key}">${label}</listBox>`;
  }
}

export function admlText(specs: readonly SettingSpec[] = settingSpecs()): string {
  const strings = [
    [CATEGORY, PRODUCT_NAME],
    [SUPPORTED, `${PRODUCT_NAME} 0.1 and later`],
    ...specs.flatMap((spec) => [
      [spec.key, spec.title],
      [`${spec.key}_Explain`, explain(spec)],
      ...(spec.kind.type === 'choice' ? spec.kind.values.map((v) => [`${spec.key}_${v}`, v]) : []),
    ]),
  ];
  const table = strings.map(([id, text]) => `      <string id="${id}">${xmlEscape(text ?? '')}</string>`);
  const presentations = specs.map(
    (spec) => `      <presentation id="${spec.key}">\n        ${presentation(spec)}\n      </presentation>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from src/desktop/config/settings-schema.ts by scripts/write-managed-settings-templates.mjs. Do not edit. -->
<policyDefinitionResources ${XSD} revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <displayName>${PRODUCT_NAME}</displayName>
  <description>Settings IT manages for ${PRODUCT_NAME} desktops.</description>
  <resources>
    <stringTable>
${table.join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}
