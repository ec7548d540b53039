import { OPERATIONAL_COMPONENT_LABELS } from '../identifiers/operational-components';
import { formatReceiptNumber, parseReceiptNumber } from '../identifiers/receipt-number';
import { expediteCriterion } from './criteria';
import type { DocumentationItem } from './criteria';
import type { DocumentationStatus, ExpediteRequest } from './expedite-request';

export type ReadBackLanguage = 'en' | 'es';

/**
 * What the agent reads to the caller once the request is recorded: what was taken
 * down, that the contact center does not decide expedite requests, which component
 * reviews it, and what documentation to send. One sentence or list per line.
 */
export function expediteReadBack(request: ExpediteRequest, language: ReadBackLanguage): string {
  const t = TEXT[language];
  const receipt = request.receiptNumber === undefined ? undefined : parseReceiptNumber(request.receiptNumber);
  const criteria = [...new Set(request.criteria)].map((id) => expediteCriterion(id));

  const byStatus = (status: DocumentationStatus): DocumentationItem[] =>
    criteria.flatMap((c) =>
      c.documentation.filter((item) => request.documentation[c.id]?.[item.id] === status),
    );
  const describe = (items: DocumentationItem[]): string =>
    items.map((i) => `- ${i.label[language]} (${i.examples[language]})`).join('\n');
  const toSend = byStatus('will-send');
  const provided = byStatus('provided');
  const unavailable = byStatus('not-available');

  const component = OPERATIONAL_COMPONENT_LABELS[request.routing][language];
  const lines = [
    t.recorded(receipt?.ok ? formatReceiptNumber(receipt.value) : undefined),
    t.criteria(criteria.map((c) => c.label[language]).join('; ')),
    t.explanation(request.explanation.trim()),
    t.notDecidedHere,
    request.status === 'referred' ? t.referred(component) : t.willBeReferred(component),
    t.documentationRequired,
  ];
  if (toSend.length > 0) {
    lines.push(t.pleaseSend, describe(toSend));
    if (receipt?.ok) lines.push(t.includeReceipt);
  }
  if (provided.length > 0) lines.push(t.alreadyProvided, describe(provided));
  if (unavailable.length > 0) lines.push(t.notAvailable, describe(unavailable), t.withoutDocumentation);
  lines.push(t.officeMayContact);
  return lines.join('\n');
}

interface ReadBackText {
  recorded(receipt: string | undefined): string;
  criteria(list: string): string;
  explanation(text: string): string;
  notDecidedHere: string;
  willBeReferred(component: string): string;
  referred(component: string): string;
  documentationRequired: string;
  pleaseSend: string;
  includeReceipt: string;
  alreadyProvided: string;
  notAvailable: string;
  withoutDocumentation: string;
  officeMayContact: string;
}

const TEXT: Readonly<Record<ReadBackLanguage, ReadBackText>> = {
  en: {
    recorded: (receipt) =>
      receipt
        ? `I have recorded your expedite request for receipt number ${receipt}.`
        : 'I have recorded your expedite request.',
    criteria: (list) => `The reasons recorded: ${list}.`,
    explanation: (text) => `Your explanation, as I recorded it: "${text}"`,
    notDecidedHere:
      'The contact center does not decide expedite requests: I cannot approve or deny your request, or tell you whether it will be granted.',
    willBeReferred: (component) =>
      `Your request will be sent to USCIS ${component}, which reviews it and decides.`,
    referred: (component) =>
      `Your request has been sent to USCIS ${component}, which reviews it and decides.`,
    documentationRequired: 'Documentation is required to support an expedite request.',
    pleaseSend: 'Please send:',
    includeReceipt: 'Put your receipt number on everything you send.',
    alreadyProvided: 'You told me you have already provided:',
    notAvailable: 'You told me you do not have:',
    withoutDocumentation:
      'Without supporting documentation, the office may not be able to act on your request.',
    officeMayContact: 'The office reviewing your request will contact you if it needs more information.',
  },
  es: {
    recorded: (receipt) =>
      receipt
        ? `He registrado su solicitud de procesamiento acelerado para el número de recibo ${receipt}.`
        : 'He registrado su solicitud de procesamiento acelerado.',
    criteria: (list) => `Los motivos registrados: ${list}.`,
    explanation: (text) => `Su explicación, tal como la registré: "${text}"`,
    notDecidedHere:
      'El centro de contacto no decide las solicitudes de procesamiento acelerado: no puedo aprobar ni negar su solicitud, ni decirle si se concederá.',
    willBeReferred: (component) =>
      `Su solicitud se enviará a ${component} de USCIS, que la revisa y toma la decisión.`,
    referred: (component) =>
      `Su solicitud se ha enviado a ${component} de USCIS, que la revisa y toma la decisión.`,
    documentationRequired:
      'Se requiere documentación para respaldar una solicitud de procesamiento acelerado.',
    pleaseSend: 'Por favor, envíe:',
    includeReceipt: 'Escriba su número de recibo en todo lo que envíe.',
    alreadyProvided: 'Usted me indicó que ya entregó:',
    notAvailable: 'Usted me indicó que no tiene:',
    withoutDocumentation:
      'Sin documentación de respaldo, es posible que la oficina no pueda atender su solicitud.',
    officeMayContact:
      'La oficina que revisa su solicitud se comunicará con usted si necesita más información.',
  },
};
