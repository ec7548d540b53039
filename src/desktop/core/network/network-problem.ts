import type { DomainError, ErrorParams } from '../../../shared/domain/result';
import {
  CERTIFICATE_PROBLEMS_EN,
  UNKNOWN_CERTIFICATE_PROBLEM_EN,
} from '../../../shared/network/certificate-problems';

/**
 * A connection that failed for a reason the agent and IT can act on: the proxy
 * (unreachable, asks for credentials, refuses the destination) or the server's
 * certificate (not trusted, expired, for another name). The tunnel throws it; the
 * sign-in request and the socket connection show it as it is instead of a generic
 * "cannot be reached".
 */
export class NetworkProblem extends Error {
  constructor(readonly problem: DomainError) {
    super(problem.message);
    this.name = 'NetworkProblem';
  }
}

export function networkProblem(code: string, message: string, params: ErrorParams): NetworkProblem {
  return new NetworkProblem({ code, message, params });
}

/** True for the error codes Node gives a TLS verification failure. */
export function isCertificateCode(code: string | undefined): boolean {
  return code !== undefined && (Object.hasOwn(CERTIFICATE_PROBLEMS_EN, code) || code.startsWith('CERT_'));
}

/** The certificate the server presented could not be trusted: say which, and why. */
export function certificateProblem(
  serverHost: string,
  code: string,
  certificate: { subject: string; issuer: string },
): NetworkProblem {
  const why = CERTIFICATE_PROBLEMS_EN[code] ?? UNKNOWN_CERTIFICATE_PROBLEM_EN;
  return networkProblem(
    'network.certificate_untrusted',
    `The certificate of ${serverHost} is not trusted: ${why} (${code}; issued to "${certificate.subject}" by "${certificate.issuer}"). If your organization inspects TLS traffic, IT must install its root certificate on this computer or set the extraCaBundle setting.`,
    { host: serverHost, problem: code, subject: certificate.subject, issuer: certificate.issuer },
  );
}

/** The DomainError a network failure reads as, when it is one of ours. */
export function problemOf(error: unknown): DomainError | undefined {
  return error instanceof NetworkProblem ? error.problem : undefined;
}
