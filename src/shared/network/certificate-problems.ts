/**
 * OpenSSL's verification codes, as Node reports them, in English words: the
 * desktop core's message for an untrusted server certificate and the English
 * catalog's sentence both read them here (the Spanish catalog has its own words).
 */
export const CERTIFICATE_PROBLEMS_EN: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'it is signed by a certificate authority this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'it is signed by a certificate authority this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'it is signed by a certificate authority this computer does not trust',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a certificate authority this computer does not trust',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  CERT_REVOKED: 'it has been revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it was issued for another name',
};

/** The words when the code is none of the above. */
export const UNKNOWN_CERTIFICATE_PROBLEM_EN = 'it could not be verified';
