import { describe, expect, it } from 'vitest';
import { expediteReadBack } from '../../../../src/shared/domain/expedite';
import { completeRequest } from './fixtures';

describe('expediteReadBack', () => {
  it('reads back the request in English', () => {
    expect(expediteReadBack(completeRequest(), 'en')).toBe(
      [
        'I have recorded your expedite request for receipt number EAC-22-123-45678.',
        'The reasons recorded: Severe financial loss.',
        'Your explanation, as I recorded it: "My employer will let me go on the 30th if my work permit is not renewed."',
        'The contact center does not decide expedite requests: I cannot approve or deny your request, or tell you whether it will be granted.',
        'Your request will be sent to USCIS Service Center Operations, which reviews it and decides.',
        'Documentation is required to support an expedite request.',
        'Please send:',
        '- proof of the loss (letters from an employer, bank or creditor, or notices showing the loss of a job, income or benefits because the case is pending)',
        'Put your receipt number on everything you send.',
        'You told me you have already provided:',
        "- proof the loss is not from the customer's own delay (evidence the case was filed on time and any request for evidence was answered on time)",
        'The office reviewing your request will contact you if it needs more information.',
      ].join('\n'),
    );
  });

  it('reads back the request in Spanish', () => {
    const text = expediteReadBack(completeRequest({ routing: 'field-operations', status: 'referred' }), 'es');
    expect(text).toContain(
      'He registrado su solicitud de procesamiento acelerado para el número de recibo EAC-22-123-45678.',
    );
    expect(text).toContain('Los motivos registrados: Pérdida financiera grave.');
    expect(text).toContain('El centro de contacto no decide las solicitudes de procesamiento acelerado');
    expect(text).toContain(
      'Su solicitud se ha enviado a Operaciones de Campo de USCIS, que la revisa y toma la decisión.',
    );
    expect(text).toContain('Se requiere documentación');
    expect(text).toContain('Por favor, envíe:\n- prueba de la pérdida (');
    expect(text).not.toMatch(/Severe|Please|Documentation/);
  });

  it('names the reviewing component and says whether it was already referred', () => {
    expect(expediteReadBack(completeRequest({ status: 'referred' }), 'en')).toContain(
      'Your request has been sent to USCIS Service Center Operations',
    );
    expect(expediteReadBack(completeRequest({ routing: 'field-operations' }), 'en')).toContain(
      'will be sent to USCIS Field Operations',
    );
  });

  it('lists what is not available and warns, and leaves out the receipt line without a receipt number', () => {
    const text = expediteReadBack(
      completeRequest({
        receiptNumber: undefined,
        criteria: ['urgent-humanitarian-reasons', 'clear-uscis-error'],
        documentation: {
          'urgent-humanitarian-reasons': {
            'medical-evidence': 'will-send',
            'death-certificate': 'not-available',
            'travel-evidence': 'will-send',
          },
          'clear-uscis-error': { 'notice-with-error': 'provided', 'evidence-of-error': 'will-send' },
        },
      }),
      'en',
    );
    expect(text.split('\n')[0]).toBe('I have recorded your expedite request.');
    expect(text).toContain('The reasons recorded: Urgent humanitarian reasons; Clear USCIS error.');
    expect(text).toMatch(
      /Please send:\n- medical records or a letter from a doctor \(.*\)\n- evidence of the urgent travel \(.*\)\n- evidence showing the error \(.*\)\nYou told me/,
    );
    expect(text).not.toContain('Put your receipt number');
    expect(text).toContain('You told me you do not have:\n- death certificate (');
    expect(text).toContain('Without supporting documentation');
  });

  it('never says the request is approved or denied', () => {
    for (const language of ['en', 'es'] as const) {
      const text = expediteReadBack(completeRequest(), language).toLowerCase();
      expect(text).not.toMatch(/\b(has been|was|is) (approved|denied)\b|\b(fue|ha sido) (aprobada|negada)\b/);
    }
  });
});
