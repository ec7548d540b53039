import {
  URGENT_APPOINTMENT_REASONS,
  URGENT_APPOINTMENT_REASON_LABELS,
} from '../../../shared/domain/appointments/urgent-reasons';
import { EXPEDITE_CRITERIA } from '../../../shared/domain/expedite/criteria';
import { OPERATIONAL_COMPONENT_LABELS } from '../../../shared/domain/identifiers/operational-components';
import { CRITERIA_BY_ID, HOLIDAY_NAMES_ES, documentationLabels, regionName } from './error-labels';
import type { ErrorParamReader } from './error-text';
import { countNoun } from '../../../shared/domain/language/plural';
import { certificateWhy, type ErrorCatalog } from './errors-en';

const plural = (n: number, one: string, other: string) => countNoun('es', n, one, other);

const closedReason = (p: ErrorParamReader): string => {
  const span = `${p.str('hoursStart')}–${p.str('hoursEnd')} ${p.zone('at')}`;
  switch (p.str('closedReason')) {
    case 'weekend':
      return `${p.when('at')} no es un día de llamadas`;
    case 'holiday': {
      const holiday = p.str('holiday');
      return `${p.when('at')} es día feriado federal (${HOLIDAY_NAMES_ES[holiday] ?? holiday})`;
    }
    case 'before-hours':
      return `la hora actual (${p.clock('at')} ${p.zone('at')}) es anterior al horario de llamadas (${span})`;
    default:
      return `la hora actual (${p.clock('at')} ${p.zone('at')}) es posterior al horario de llamadas (${span})`;
  }
};

/**
 * Error sentences by code, Spanish: formal register ("usted"), the terms of the
 * Spanish screens (llamada de seguimiento, asignarse, horario de llamadas, Nivel 2).
 * Field-validation sentences start in lower case without a final period, like the
 * English ones, because screens also use them inside others ("Teléfono: …").
 */
/** Por qué no se aceptó el certificado del servidor, según el código TLS que informa el escritorio. */
const CERTIFICATE_WHY: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'lo firma una autoridad de certificación en la que este equipo no confía',
  UNABLE_TO_GET_ISSUER_CERT: 'lo firma una autoridad de certificación en la que este equipo no confía',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'lo firma una autoridad de certificación en la que este equipo no confía',
  SELF_SIGNED_CERT_IN_CHAIN:
    'su cadena termina en una autoridad de certificación en la que este equipo no confía',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'está autofirmado',
  CERT_HAS_EXPIRED: 'ha caducado',
  CERT_NOT_YET_VALID: 'todavía no es válido',
  CERT_REVOKED: 'ha sido revocado',
  ERR_TLS_CERT_ALTNAME_INVALID: 'se emitió para otro nombre',
};

export const errorsEs: ErrorCatalog = {
  // Callback rules
  'attempt.outside_customer_hours': (p) =>
    `Está fuera del horario para llamar al cliente (${p.str('start')}–${p.str('end')}, hora del cliente). Llame dentro de ese horario o registre que el cliente pidió que lo llamaran ahora.`,
  'attempt.exception_no_slot':
    'Esta llamada no está dentro de un horario que eligió el cliente; registre lo que pidió el cliente o llame dentro de su horario.',
  'attempt.completed': 'Ya se contactó al cliente en esta llamada de seguimiento.',
  'attempt.none_left': (p) =>
    `Ya se hicieron los ${p.num('attemptsMade')} intentos; la llamada de seguimiento se cerró como no contactada${p.str('canGrantExtra') === 'yes' ? ' (un supervisor de equipo puede conceder un intento más)' : ''}.`,
  'attempt.outside_hours': (p) =>
    `No se pueden hacer llamadas de seguimiento en este momento: ${closedReason(p)}. El horario de llamadas vuelve a abrir: ${p.when('opensAt')}.`,
  'attempt.too_early': (p) =>
    p.str('basis') === 'retry'
      ? `Todavía no corresponde el intento ${p.num('attemptNumber')}: se puede hacer a partir de ${p.when('earliest')} (${p.num('minutes')} minutos después del último intento).`
      : `El cliente pidió que se le llame a partir de ${p.when('earliest')}.`,
  'attempt.grant_not_needed':
    'Solo se pueden conceder intentos adicionales cuando fallaron todos los intentos permitidos.',
  'attempt.grant_limit': (p) =>
    `A esta llamada de seguimiento ya se le ${p.num('granted') === 1 ? 'concedió' : 'concedieron'} ${plural(p.num('granted'), 'intento adicional', 'intentos adicionales')}; el límite es ${p.num('limit')}.`,
  'attempt.duplicate_id': 'Ya se registró un intento con este identificador.',
  'callback.not_found': 'Esta llamada de seguimiento no existe o no pertenece a su equipo.',
  'callback.closed': 'Esta llamada de seguimiento ya está cerrada.',
  'callback.already_claimed': 'Otro agente ya se asignó esta llamada de seguimiento.',
  'auth.sso_required': (p) =>
    `Inicie sesión con ${p.str('provider')}: este servidor no acepta contraseñas (salvo las de administradores de emergencia de Informática).`,
  'session.sso_unlock': (p) =>
    `Inició sesión con ${p.str('provider')}: desbloquee también con él (este equipo no guarda ninguna contraseña suya).`,
  'sso.not_configured': 'El inicio de sesión único no está configurado en este servidor.',
  'sso.provider_unavailable':
    'No se puede contactar con el proveedor de identidad; inténtelo más tarde. El trabajo que ya está en este equipo sigue disponible.',
  'sso.unmapped': (p) =>
    `Su cuenta en el proveedor de identidad no tiene un rol en Agent Desk: Informática debe asignar uno de sus grupos (atributo «${p.str('claim')}») a un rol y un equipo.`,
  'sso.no_username': (p) =>
    `El proveedor de identidad no envió un nombre de usuario válido (atributo «${p.str('claim')}»); Informática debe configurar usernameClaim.`,
  'sso.username_taken':
    'Su nombre de usuario pertenece a otra identidad en el proveedor; Informática debe resolver el duplicado.',
  'sso.misconfigured':
    'La configuración del proveedor de identidad no coincide con la de este servidor; avise a Informática.',
  'sso.redirect_refused':
    'El servidor no permite la dirección de regreso de este equipo; avise a Informática.',
  'sso.code_refused': 'El proveedor de identidad rechazó el inicio de sesión; vuelva a iniciar sesión.',
  'sso.token_expired': 'La respuesta del proveedor de identidad caducó; vuelva a iniciar sesión.',
  'sso.wrong_audience':
    'El proveedor de identidad respondió para otra aplicación; avise a Informática (client id).',
  'sso.wrong_issuer': 'La respuesta vino de otro proveedor de identidad; avise a Informática (issuer).',
  'sso.bad_signature':
    'La respuesta del proveedor de identidad no está firmada con sus claves; vuelva a iniciar sesión y avise a Informática si se repite.',
  'sso.token_invalid': 'La respuesta del proveedor de identidad no es válida; vuelva a iniciar sesión.',
  'sso.nonce_mismatch': 'La respuesta no corresponde a este inicio de sesión; vuelva a iniciar sesión.',
  'sso.nonce_replayed': 'Esta respuesta de inicio de sesión ya se usó; vuelva a iniciar sesión.',
  'sso.acr_refused':
    'El proveedor de identidad no confirmó el método de inicio de sesión que exige esta instalación (p. ej., PIV/CAC); inicie sesión con él.',
  'sso.denied': 'El inicio de sesión se canceló o se rechazó en el proveedor de identidad.',
  'sso.provider_refused': 'El proveedor de identidad no inició su sesión; vuelva a intentarlo.',
  'sso.timed_out': 'No se terminó a tiempo el inicio de sesión en el navegador. Vuelva a empezar.',
  'sso.cancelled': 'Se canceló el inicio de sesión.',
  'sso.not_started': 'Primero inicie sesión con el proveedor de identidad.',
  'sso.issuer_not_trusted':
    'El servidor indica un proveedor de identidad en el que este equipo no está configurado para confiar; avise a Informática (ajuste ssoIssuer).',
  'notice.no_consent':
    'El cliente no ha aceptado recibir mensajes de texto (o se dio de baja); registre primero su consentimiento.',
  'notice.too_many_checks': (p) =>
    `Se puede preguntar al cliente como máximo ${plural(p.num('max'), 'vez', 'veces')} por llamada.`,
  'notice.check_pending': 'El cliente aún no ha respondido a la última pregunta.',
  'notice.outside_callback_hours':
    'El horario de devolución de llamadas está cerrado: si el cliente dice que sí, no se le podría llamar. Pregunte cuando abra.',
  'notice.customer_daytime': (p) =>
    `Es fuera del horario diurno del cliente (${p.str('start')}–${p.str('end')} en su hora); vuelva a preguntar a partir del ${p.when('opensAt')}.`,
  'callback.not_claimed_by_you': 'Asígnese esta llamada de seguimiento antes de registrar un intento.',
  'callback.not_claimed': 'Nadie se ha asignado esta llamada de seguimiento.',
  'callback.already_attempted':
    'Una llamada de seguimiento solo se puede programar antes de su primer intento.',
  'callback.slot_in_past': 'El horario elegido debe ser en el futuro.',
  'callback.assignee_role':
    'Las llamadas de seguimiento solo se pueden asignar a agentes y supervisores de equipo.',
  'user.not_found': 'Ese agente no pertenece a este equipo.',
  'user.inactive': 'La cuenta de ese agente está desactivada.',
  'auth.forbidden': (p) => {
    switch (p.str('rule')) {
      case 'tier2-claim':
        return 'Solo los agentes de Nivel 2 y los supervisores de equipo pueden asignarse llamadas de seguimiento de Nivel 2.';
      case 'tier2-work':
        return 'Solo los agentes de Nivel 2 y los supervisores de equipo pueden atender llamadas de seguimiento de Nivel 2.';
      case 'assignee-release':
        return 'Solo el agente que se asignó esta llamada de seguimiento o un supervisor de equipo puede devolverla.';
      case 'assignee-schedule':
        return 'Solo el agente que se asignó esta llamada de seguimiento o un supervisor de equipo puede programarla.';
      default:
        return p.none();
    }
  },
  'inquiry.not_found': 'Esta consulta no existe o no pertenece a su equipo.',
  'inquiry.already_completed': 'Esta consulta ya se completó.',
  'customer.not_found': 'El cliente no existe o no pertenece a su equipo.',
  'expedite.not_found': 'Esta solicitud de trámite acelerado no existe o no pertenece a su equipo.',
  'expedite.already_referred': 'Esta solicitud de trámite acelerado ya se remitió.',

  // Receipt number, A-number, phone
  'receipt.not_text': 'el número de recibo debe ser texto, por ejemplo, EAC2212345678',
  'receipt.empty': 'escriba un número de recibo: 3 letras y 10 dígitos, por ejemplo, EAC2212345678',
  'receipt.invalid_character': (p) =>
    `el número de recibo contiene «${p.str('char')}»; use solo letras, dígitos, guiones y espacios, por ejemplo, EAC-22-123-45678`,
  'receipt.prefix_not_letters': (p) =>
    `el número de recibo debe empezar con 3 letras (el prefijo de la oficina, por ejemplo, EAC); «${p.str('prefix')}» no son 3 letras`,
  'receipt.prefix_too_long': (p) =>
    `el número de recibo debe empezar con exactamente 3 letras, pero «${p.str('prefix')}» tiene ${p.num('letters')}`,
  'receipt.letter_in_digits': (p) =>
    `después del prefijo de 3 letras, el número de recibo solo lleva dígitos, pero el carácter ${p.num('position')} es «${p.str('char')}»`,
  'receipt.wrong_length': (p) =>
    `el número de recibo tiene ${plural(p.num('length'), 'carácter', 'caracteres')}; debe tener ${p.num('expected')} (3 letras y 10 dígitos)`,
  'receipt.unknown_prefix': (p) =>
    `el prefijo de recibo ${p.str('prefix')} no es conocido; los prefijos conocidos son ${p.str('known')}`,
  'receipt.invalid_workday': (p) =>
    `el día hábil ${p.str('workday')} no es válido (los dígitos 6 a 8 del número de recibo empiezan en 001)`,
  'a_number.not_text': 'el número A debe ser texto, por ejemplo, A012345678',
  'a_number.empty': 'escriba un número A: la letra A y de 7 a 9 dígitos, por ejemplo, A012345678',
  'a_number.invalid_character': (p) =>
    `el número A contiene «${p.str('char')}»; use solo la letra A, dígitos, guiones y espacios, por ejemplo, A-012-345-678`,
  'a_number.missing_prefix': (p) =>
    `el número A debe empezar con la letra A, por ejemplo, A012345678${p.has('suggestion') ? `; si es un número A, agregue la A: ${p.str('suggestion')}` : ''}`,
  'a_number.not_digits': (p) =>
    `después de la A, el número A solo lleva dígitos, pero el carácter ${p.num('position')} es «${p.str('char')}»`,
  'a_number.too_few_digits': (p) =>
    `el número A tiene ${plural(p.num('digits'), 'dígito', 'dígitos')}; debe tener de ${p.num('min')} a ${p.num('max')}`,
  'a_number.too_many_digits': (p) =>
    `el número A tiene ${plural(p.num('digits'), 'dígito', 'dígitos')}; debe tener de ${p.num('min')} a ${p.num('max')}`,
  'a_number.all_zeros':
    'el número A no puede ser solo ceros; verifique el número en el aviso o en la tarjeta',
  'phone.empty': 'escriba un número de teléfono',
  'phone.not_a_number': (p) => `«${p.str('text')}» no es un número de teléfono: no tiene dígitos`,
  'phone.letters': (p) =>
    `«${p.str('text')}» contiene letras; escriba el número solo con dígitos (convierta palabras como 1-800-FLOWERS en dígitos)`,
  'phone.invalid_area_code': (p) =>
    `el código de área ${p.str('areaCode')} no es un código de área asignado en los Estados Unidos`,
  'phone.invalid_exchange': (p) =>
    `${p.str('areaCode')}-${p.str('exchange')}-… no es un número válido: los tres dígitos que siguen al código de área no pueden empezar con 0 ni con 1`,
  'phone.invalid': (p) => `«${p.str('text')}» no es un número de teléfono válido de los Estados Unidos`,
  'phone.premium_rate':
    'los números 900 son de tarifa especial; el centro de contacto no llama a esos números',
  'phone.not_us': (p) =>
    p.has('text')
      ? `solo se puede marcar a números de los Estados Unidos: «${p.str('text')}» no es un número de los Estados Unidos`
      : `solo se puede marcar a números de los Estados Unidos: ${p.str('prefix')}… ${p.has('country') ? `es de ${regionName(p.str('country'), 'es')}` : 'no es un número de los Estados Unidos'}`,
  'phone.too_short': (p) =>
    `el número de teléfono tiene ${plural(p.num('digits'), 'dígito', 'dígitos')}; debe tener ${p.num('expected')}`,
  'phone.too_long': (p) =>
    `el número de teléfono tiene ${plural(p.num('digits'), 'dígito', 'dígitos')}; debe tener ${p.num('expected')}`,
  'phone.unreadable': (p) => `no se pudo leer «${p.str('text')}» como número de teléfono`,

  // Expedite and appointment requests
  'expedite.receipt_invalid': (p) => `número de recibo: ${p.nested('receiptError')}`,
  'expedite.criteria_required': `elija al menos un criterio: ${EXPEDITE_CRITERIA.map((c) => c.label.es).join(', ')}`,
  'expedite.explanation_required':
    'la explicación es obligatoria: anote, en las palabras de la persona que llama, por qué se debe acelerar el caso',
  'expedite.explanation_too_long': (p) =>
    `la explicación tiene ${p.num('length')} caracteres; redúzcala a ${p.num('max')} o menos`,
  'expedite.documentation_not_recorded': (p) => {
    const criterion = p.pick('criterion', CRITERIA_BY_ID);
    return `falta registrar la documentación para «${criterion.label.es}»: ${documentationLabels(criterion, p.str('items'), 'es').join('; ')}`;
  },
  'expedite.documentation_required': (p) => {
    const criterion = p.pick('criterion', CRITERIA_BY_ID);
    return `la documentación es obligatoria para «${criterion.label.es}», pero no se ha entregado ni se enviará ninguna: pregunte a la persona que llama si puede enviar ${criterion.documentation.map((i) => i.label.es).join(' o ')}`;
  },
  'expedite.routing_required': (p) => {
    switch (p.str('situation')) {
      case 'receipt-invalid':
        return 'elija a dónde enviarla: el número de recibo no es válido, así que no puede sugerir un componente';
      case 'no-receipt':
        return 'elija a dónde enviarla: no se registró un número de recibo, así que nada sugiere un componente; elija uno según los datos del caso';
      case 'agent-must-choose':
        return `elija a dónde enviarla: el número de recibo ${p.str('receipt')} (${p.str('office')}) no indica qué componente tramita el caso; elija uno según los datos del caso`;
      default: {
        const component = p.pick('routing', OPERATIONAL_COMPONENT_LABELS).es;
        return `elija a dónde enviarla: el número de recibo sugiere ${component} (el prefijo ${p.str('prefix')} corresponde al ${p.str('office')}, que revisa ${component})`;
      }
    }
  },
  'appointment.urgent_reason_required': `una solicitud de cita urgente necesita un motivo: ${URGENT_APPOINTMENT_REASONS.map((r) => URGENT_APPOINTMENT_REASON_LABELS[r].es.toLowerCase()).join('; ')}`,
  'appointment.reason_without_urgency': (p) =>
    `una solicitud no urgente no puede llevar un motivo urgente («${p.pick('reason', URGENT_APPOINTMENT_REASON_LABELS).es}»): márquela como urgente o quite el motivo`,
  'appointment.explanation_required': (p) =>
    p.str('urgent') === 'yes'
      ? 'la explicación es obligatoria: anote para qué necesita la cita la persona que llama y por qué no puede esperar'
      : 'la explicación es obligatoria: anote para qué necesita la cita la persona que llama',
  'appointment.explanation_too_long': (p) =>
    `la explicación tiene ${p.num('length')} caracteres; redúzcala a ${p.num('max')} o menos`,

  // Sign-in, session and lock
  'auth.invalid_credentials': 'El nombre de usuario o la contraseña no son correctos.',
  'auth.account_disabled': 'Esta cuenta está desactivada; comuníquese con un administrador.',
  'auth.rate_limited': (p) =>
    `Demasiados intentos fallidos desde esta red; intente de nuevo en ${plural(p.num('seconds'), 'segundo', 'segundos')}.`,
  'auth.password_change_required': 'Elija una contraseña nueva: la que recibió sirve una sola vez.',
  'auth.password_reused': 'Elija una contraseña nueva distinta de la actual.',
  'user.username_taken': 'Ese nombre de usuario ya existe; elija otro.',
  'admin.last_admin': 'No quedaría ningún administrador activo; nombre primero a otro administrador.',
  'script.version_exists':
    'Esa versión del guion ya está publicada; dé al documento un número de versión mayor.',
  'auth.locked': (p) =>
    `Hubo demasiados intentos fallidos de inicio de sesión; esta cuenta está bloqueada durante ${plural(p.num('minutes'), 'minuto', 'minutos')} más.`,
  'auth.session_expired': 'Su sesión venció; inicie sesión de nuevo.',
  'auth.signed_out': 'Se cerró esta sesión; inicie sesión de nuevo.',
  'auth.invalid_token': 'La sesión no es válida; inicie sesión de nuevo.',
  'auth.session_idle': (p) =>
    `Su sesión terminó tras ${plural(p.num('minutes'), 'minuto', 'minutos')} sin actividad; inicie sesión de nuevo.`,
  'session.not_signed_in': 'Primero inicie sesión.',
  'session.locked': 'Agent Desk está bloqueado; desbloquéelo con su contraseña.',
  'session.wrong_password': (p) =>
    `La contraseña no es correcta; inténtelo de nuevo (le ${p.num('attemptsLeft') === 1 ? 'queda' : 'quedan'} ${plural(p.num('attemptsLeft'), 'intento', 'intentos')} antes de que se cierre su sesión).`,
  'session.locked_discard':
    'No se pueden descartar cambios sin sincronizar mientras Agent Desk está bloqueado. Desbloquéelo primero.',
  'session.pending_changes': (p) =>
    `${p.num('count') === 1 ? '1 cambio todavía no ha llegado' : `${p.num('count')} cambios todavía no han llegado`} al servidor. Conéctese para sincronizarlos primero, o cierre la sesión de todos modos y descártelos.`,
  'session.locked_pending': (p) =>
    `${p.num('count') === 1 ? '1 cambio todavía no ha llegado' : `${p.num('count')} cambios todavía no han llegado`} al servidor, así que Agent Desk no puede cerrar la sesión mientras está bloqueado. Desbloquéelo y sincronice primero.`,
  'session.other_user_pending': (p) =>
    `${p.num('count') === 1 ? '1 cambio hecho por otro usuario en este equipo todavía no ha llegado' : `${p.num('count')} cambios hechos por otro usuario en este equipo todavía no han llegado`} al servidor; ese usuario debe iniciar sesión y sincronizarlos primero.`,
  'session.username_needed':
    'Escriba su nombre de usuario además de su contraseña: este equipo lo necesita una vez para volver a iniciar su sesión.',
  'session.password_changed':
    'El servidor ya no acepta esta contraseña (se cambió). Escriba su contraseña actual; los cambios pendientes en este equipo se conservan.',
  'session.not_this_user':
    'Ese nombre de usuario no es el de la sesión de este equipo; escriba su propio nombre de usuario.',
  'session.unlock_attempts_exceeded': (p) =>
    `${p.num('count')} contraseñas incorrectas seguidas: se cerró su sesión. Inicie sesión de nuevo; los cambios aún sin sincronizar se conservaron y se enviarán cuando inicie sesión.`,

  // Connection and sync
  'sync.disconnected':
    'Se perdió la conexión con el servidor de sincronización; se sigue trabajando sin conexión.',
  'sync.server_unreachable': (p) =>
    `No se puede conectar con el servidor de sincronización en ${p.str('serverUrl')} (${p.str('reason')}). Revise la conexión de red e inténtelo de nuevo.`,
  'network.proxy_unreachable': (p) =>
    `No se puede conectar con el proxy ${p.str('proxy')} (${p.str('reason')}). Revise la conexión de red; si continúa, el equipo de TI debe revisar la configuración del proxy.`,
  'network.proxy_refused': (p) =>
    `El proxy ${p.str('proxy')} rechazó la conexión con ${p.str('target')} (HTTP ${p.num('status')}). El equipo de TI debe permitir que Agent Desk llegue a su servidor de sincronización a través del proxy.`,
  'network.proxy_auth_rejected': (p) =>
    `El proxy ${p.str('proxy')} rechazó el usuario y la contraseña que envió Agent Desk (HTTP 407). Vuelva a escribir su usuario y contraseña del proxy.`,
  'network.proxy_auth_required': (p) =>
    `El proxy ${p.str('proxy')} pide un usuario y una contraseña (HTTP 407). Escriba su usuario y contraseña del proxy, o pida al equipo de TI que permita a Agent Desk llegar a ${p.str('target')} sin iniciar sesión en el proxy.`,
  'network.proxy_auth_unsupported': (p) =>
    `El proxy ${p.str('proxy')} pide el inicio de sesión de Windows (${p.str('schemes')}), que la conexión de Agent Desk con su servidor de sincronización no puede responder. Pida al equipo de TI que permita a Agent Desk llegar a ${p.str('target')} sin iniciar sesión en el proxy.`,
  'network.proxy_unsupported': (p) =>
    `La configuración del proxy envía a Agent Desk por «${p.str('rule')}», un tipo de proxy que no puede usar (solo proxies HTTP con CONNECT). Pida al equipo de TI un proxy HTTP o una ruta directa a su servidor de sincronización.`,
  'network.certificate_untrusted': (p) =>
    `El certificado de ${p.str('host')} no es de confianza: ${certificateWhy(p, CERTIFICATE_WHY, 'no se pudo verificar')} (${p.str('problem')}; emitido a «${p.str('subject')}» por «${p.str('issuer')}»). Si su organización inspecciona el tráfico TLS, el equipo de TI debe instalar su certificado raíz en este equipo o definir la opción extraCaBundle.`,
  'supervisor.disconnected':
    'El tablero de supervisión perdió la conexión; se volverá a conectar por sí solo.',
  'supervisor.role_changed':
    'Un administrador cambió su función; la vista de supervisión es para líderes de equipo, así que se cerró.',
  'supervisor.team_changed': (p) =>
    `Un administrador lo cambió del equipo ${p.str('from')} al equipo ${p.str('to')}; ese tablero se cerró. Vuelva a abrir la vista de supervisión para ver el equipo ${p.str('to')}.`,
  'supervisor.access_ended': 'Esta vista de supervisión ya no está disponible para usted.',
  'telephony.platform_timeout': (p) =>
    `El sistema telefónico no respondió en ${p.num('seconds')} s, así que no se realizó la llamada. Inténtelo de nuevo o marque a mano.`,
  'telephony.platform_unreachable':
    'No se puede contactar el sistema telefónico, así que no se realizó la llamada. Inténtelo de nuevo o marque a mano.',
  'telephony.platform_refused': (p) =>
    `El sistema telefónico rechazó realizar la llamada (HTTP ${p.num('status')}). Inténtelo de nuevo o marque a mano.`,
  'telephony.platform_bad_answer':
    'El sistema telefónico respondió sin identificador de llamada; puede que la llamada no se haya realizado. Revise el teléfono antes de volver a marcar.',
  'telephony.not_configured': 'Este servidor no realiza llamadas; marque a mano o con su softphone.',
  'telephony.uri_not_allowed': 'Agent Desk no puede abrir este enlace de marcado; marque a mano.',
  'ipc.disconnected': 'Agent Desk no está conectado a su núcleo de escritorio. Reinicie la aplicación.',
};
