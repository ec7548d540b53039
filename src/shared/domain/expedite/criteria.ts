/**
 * The four expedite criteria (PRODUCT.md rule 7) and the documentation each one
 * needs, as bilingual data: the checklist screen, the completeness check and the
 * read-back to the caller all read from here.
 *
 * Item `label`s are short (they appear in messages: "… is not recorded: proof of the
 * loss"); `examples` say what counts, for the checklist and the read-back.
 */
type Bilingual = Readonly<{ en: string; es: string }>;

export const EXPEDITE_CRITERION_IDS = [
  'severe-financial-loss',
  'urgent-humanitarian-reasons',
  'compelling-government-interests',
  'clear-uscis-error',
] as const;
export type CriterionId = (typeof EXPEDITE_CRITERION_IDS)[number];

export interface DocumentationItem {
  readonly id: string;
  readonly label: Bilingual;
  readonly examples: Bilingual;
}

export interface ExpediteCriterion {
  readonly id: CriterionId;
  readonly label: Bilingual;
  readonly documentation: readonly DocumentationItem[];
}

const BY_ID: Readonly<Record<CriterionId, ExpediteCriterion>> = {
  'severe-financial-loss': {
    id: 'severe-financial-loss',
    label: { en: 'Severe financial loss', es: 'Pérdida financiera grave' },
    documentation: [
      {
        id: 'proof-of-loss',
        label: { en: 'proof of the loss', es: 'prueba de la pérdida' },
        examples: {
          en: 'letters from an employer, bank or creditor, or notices showing the loss of a job, income or benefits because the case is pending',
          es: 'cartas del empleador, del banco o de acreedores, o avisos que muestren la pérdida de empleo, ingresos o beneficios porque el caso está pendiente',
        },
      },
      {
        id: 'not-own-failure',
        label: {
          en: "proof the loss is not from the customer's own delay",
          es: 'prueba de que la pérdida no se debe a una demora del propio cliente',
        },
        examples: {
          en: 'evidence the case was filed on time and any request for evidence was answered on time',
          es: 'evidencia de que el caso se presentó a tiempo y de que se respondió a tiempo a cualquier solicitud de evidencia',
        },
      },
    ],
  },
  'urgent-humanitarian-reasons': {
    id: 'urgent-humanitarian-reasons',
    label: { en: 'Urgent humanitarian reasons', es: 'Razones humanitarias urgentes' },
    documentation: [
      {
        id: 'medical-evidence',
        label: {
          en: 'medical records or a letter from a doctor',
          es: 'expedientes médicos o una carta de un médico',
        },
        examples: {
          en: 'records or a letter describing the illness or condition and why it is urgent',
          es: 'expedientes o una carta que describa la enfermedad o condición y por qué es urgente',
        },
      },
      {
        id: 'death-certificate',
        label: { en: 'death certificate', es: 'certificado de defunción' },
        examples: {
          en: 'when the request is about a death in the family',
          es: 'cuando la solicitud se debe a una muerte en la familia',
        },
      },
      {
        id: 'travel-evidence',
        label: { en: 'evidence of the urgent travel', es: 'evidencia del viaje urgente' },
        examples: {
          en: 'a travel itinerary or a letter explaining why and when the travel is needed',
          es: 'un itinerario de viaje o una carta que explique por qué y cuándo se necesita viajar',
        },
      },
    ],
  },
  'compelling-government-interests': {
    id: 'compelling-government-interests',
    label: {
      en: 'Compelling U.S. government interests',
      es: 'Intereses apremiantes del gobierno de EE. UU.',
    },
    documentation: [
      {
        id: 'agency-request-letter',
        label: {
          en: 'request letter from a federal, state or local agency',
          es: 'carta de solicitud de una agencia federal, estatal o local',
        },
        examples: {
          en: "on the agency's letterhead, signed by an official, explaining the government interest (for example public safety or national security)",
          es: 'en papel con membrete de la agencia, firmada por un funcionario, que explique el interés del gobierno (por ejemplo, seguridad pública o seguridad nacional)',
        },
      },
      {
        id: 'agency-official-contact',
        label: {
          en: 'contact details of the requesting official',
          es: 'datos de contacto del funcionario que lo solicita',
        },
        examples: {
          en: 'name, title, telephone number and e-mail, so USCIS can confirm the request',
          es: 'nombre, cargo, número de teléfono y correo electrónico, para que USCIS pueda confirmar la solicitud',
        },
      },
    ],
  },
  'clear-uscis-error': {
    id: 'clear-uscis-error',
    label: { en: 'Clear USCIS error', es: 'Error evidente de USCIS' },
    documentation: [
      {
        id: 'notice-with-error',
        label: { en: 'the notice or document with the error', es: 'el aviso o documento con el error' },
        examples: {
          en: 'for example a receipt notice, approval notice or card with wrong information',
          es: 'por ejemplo, un aviso de recibo, un aviso de aprobación o una tarjeta con información incorrecta',
        },
      },
      {
        id: 'evidence-of-error',
        label: { en: 'evidence showing the error', es: 'evidencia que muestre el error' },
        examples: {
          en: 'for example the documents originally submitted, showing the correct information',
          es: 'por ejemplo, los documentos presentados originalmente, que muestren la información correcta',
        },
      },
    ],
  },
};

/** In display order. */
export const EXPEDITE_CRITERIA: readonly ExpediteCriterion[] = EXPEDITE_CRITERION_IDS.map((id) => BY_ID[id]);

export function expediteCriterion(id: CriterionId): ExpediteCriterion {
  return BY_ID[id];
}
