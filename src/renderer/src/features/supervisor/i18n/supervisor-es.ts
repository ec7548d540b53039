import type { SupervisorMessages } from './supervisor-en';

/** The supervisor view's text, Spanish (same shape as the English). */
export const supervisorEs: SupervisorMessages = {
  title: 'Vista de supervisión',
  teamOf: (team) => `Equipo ${team}`,
  onlyLeads: 'Solo los supervisores de equipo pueden abrir la vista de supervisión.',
  link: {
    off: 'Sin conexión',
    connecting: 'Conectando…',
    live: 'En vivo',
    offline: 'Reconectando…',
    retryAt: (when) => `próximo intento ${when}`,
    updated: (when) => `Actualizado ${when}`,
  },
  board: {
    title: 'Tablero del equipo',
    intro: 'Cada cifra abre las llamadas que la forman.',
    split: (urgent, nonUrgent) => `${urgent} urgentes · ${nonUrgent} no urgentes`,
  },
  figures: {
    open: { label: 'Abiertas', description: 'Llamadas de devolución aún no cerradas.' },
    queued: { label: 'En la cola del equipo', description: 'Llamadas abiertas que nadie ha tomado.' },
    claimed: { label: 'Asignadas', description: 'Llamadas abiertas que tiene un agente.' },
    'due-soon': {
      label: 'Vencen pronto',
      description: 'Llamadas abiertas que vencen en las próximas horas.',
    },
    'at-risk': {
      label: 'En riesgo',
      description:
        'Llamadas abiertas con poco tiempo hábil para llamar antes de vencer, o cuyos intentos restantes ya no caben.',
    },
    'due-today': {
      label: 'Vencen hoy',
      description:
        'Llamadas abiertas cuya última franja para llamar antes de vencer es hoy (o ya no queda ninguna), aún no vencidas.',
    },
    overdue: { label: 'Vencidas', description: 'Llamadas abiertas cuya hora límite ya pasó.' },
    'second-attempt-pending': {
      label: 'Segundo intento pendiente',
      description: 'Un intento fallido y otro intento permitido.',
    },
    'resolved-today': { label: 'Resueltas hoy', description: 'Cerradas hoy: se habló con el cliente.' },
    'unable-to-reach-today': {
      label: 'Sin contacto hoy',
      description: 'Cerradas hoy después de fallar todos los intentos permitidos.',
    },
  },
  dueSoonLabel: (hours) => `Vencen en las próximas ${hours} horas`,
  drill: {
    title: (figure) => `Llamadas: ${figure}`,
    close: 'Cerrar la lista',
    urgency: 'Urgencia',
    anyUrgency: 'Urgentes y no urgentes',
    count: (shown, total) => (total === 0 ? 'Ninguna llamada.' : `Se muestran ${shown} de ${total} llamadas`),
    tableCaption: (figure) => `Llamadas de «${figure}», las de mayor riesgo primero`,
    select: 'Seleccionar',
    selectAll: 'Seleccionar todas las mostradas',
    selectOne: (name) => `Seleccionar la llamada de ${name}`,
    customer: 'Cliente',
    receipt: 'Recibo',
    urgencyCol: 'Urgencia',
    status: 'Estado',
    due: 'Vence',
    attempts: 'Intentos',
    attemptsOf: (made, allowed) => `${made} de ${allowed}`,
    assignee: 'Asignada a',
    queue: 'Cola del equipo',
    pendingSync: 'sin sincronizar',
    noName: 'Nombre no registrado',
    previous: 'Página anterior',
    next: 'Página siguiente',
    selected: (n) => (n === 1 ? '1 seleccionada' : `${n} seleccionadas`),
    reassignTo: 'Reasignar a',
    toQueue: 'La cola del equipo (sin asignar)',
    reassign: 'Reasignar las seleccionadas',
    grant: 'Conceder un intento adicional',
    grantHint: 'Solo las llamadas cerradas sin contacto pueden recibir un intento adicional.',
    noneSelected: 'Primero seleccione una o más llamadas.',
    reassigned: (n, to) => (n === 1 ? `1 llamada reasignada a ${to}.` : `${n} llamadas reasignadas a ${to}.`),
    granted: (n) =>
      n === 1 ? 'Intento adicional concedido a 1 llamada.' : `Intento adicional concedido a ${n} llamadas.`,
    refused: (n) => (n === 1 ? '1 fue rechazada:' : `${n} fueron rechazadas:`),
    refusedItem: (name, message) => `${name}: ${message}`,
  },
  roster: {
    title: 'Agentes',
    caption: 'Agentes del equipo: presencia, trabajo actual e intentos de hoy',
    agent: 'Agente',
    role: 'Función',
    presence: 'Presencia',
    since: 'Desde',
    currentItem: 'Trabajando en',
    held: 'Llamadas asignadas',
    attempts: 'Intentos hoy',
    outcomes: 'Resultados hoy',
    none: '—',
    noAgents: 'No hay agentes en este equipo.',
    item: {
      inquiries: 'Consulta',
      callbacks: 'Llamada',
      expedite_requests: 'Solicitud de trámite acelerado',
    },
  },
  presence: {
    available: 'Disponible',
    'on-call': 'En una llamada',
    'after-call': 'Trabajo posterior a la llamada',
    break: 'En descanso',
    offline: 'Desconectado',
    'away-locked': 'Ausente (pantalla bloqueada)',
  },
  charts: {
    title: 'Tendencias',
    showTable: (title) => `Tabla de datos: ${title}`,
    noData: 'sin datos',
    legend: 'Leyenda',
    titles: {
      'sla-compliance': (days) => `Cumplimiento del plazo, últimos ${days} días`,
      'backlog-by-due-day': () => 'Llamadas abiertas por día de vencimiento',
      'attempt-outcomes': (days) => `Resultados de los intentos, últimos ${days} días`,
    },
    categoryLabels: {
      'sla-compliance': 'Día de vencimiento',
      'backlog-by-due-day': 'Vence',
      'attempt-outcomes': 'Día',
    },
    series: {
      compliance: 'A tiempo (%)',
      'on-time': 'Cerradas a tiempo',
      late: 'Cerradas tarde',
      'open-past-due': 'Abiertas y vencidas',
      urgent: 'Urgentes',
      'non-urgent': 'No urgentes',
    },
    overdue: 'Vencidas',
    later: 'Más adelante',
    today: (day) => `${day} (hoy)`,
    complianceSummary: (onTime, late, open, days) => {
      const total = onTime + late + open;
      return total === 0
        ? `Ninguna llamada venció en los últimos ${days} días.`
        : `De ${total} llamadas que vencieron en los últimos ${days} días, ${onTime} se cerraron a tiempo, ${late} se cerraron tarde y ${open} siguen abiertas después de vencer: ${Math.round((onTime / total) * 1000) / 10} % a tiempo.`;
    },
    backlogSummary: (open, overdue) => `${open} llamadas abiertas, ${overdue} de ellas vencidas.`,
    outcomesSummary: (total, reached, days) =>
      total === 0
        ? `Ningún intento en los últimos ${days} días.`
        : `${total} intentos en los últimos ${days} días; en ${reached} se habló con el cliente.`,
    axisPercent: 'Porcentaje a tiempo',
    axisCount: 'Llamadas',
  },
  forecast: {
    title: 'Pronóstico de incumplimientos',
    intro:
      'Qué llamadas abiertas no se harán a tiempo con el personal que indique, y cuánta capacidad adicional lo evitaría.',
    handle: 'Tiempo medio por intento (minutos)',
    handleHint: 'Marcar, hablar y cerrar un intento.',
    agents: 'Agentes en turno',
    agentsHint: (online) => `Déjelo vacío para usar los agentes conectados ahora (${online}).`,
    unreached: 'Intentos en los que no se habla con el cliente (%)',
    unreachedHint: '0 es el mejor caso; pruebe un porcentaje mayor para ver el peor caso.',
    run: 'Calcular pronóstico',
    running: 'Calculando…',
    invalidHandle: 'Indique un tiempo mayor que 0 minutos.',
    invalidAgents: 'Indique un número entero de agentes, 0 o más.',
    invalidShare: 'Indique un porcentaje de 0 a 100.',
    resultTitle: 'Lo que dice el pronóstico',
    noBreach: (open, agents, minutes) =>
      `Con ${agents} agentes en turno y ${minutes} minutos por intento, las ${open} llamadas abiertas pueden cerrarse a tiempo.`,
    breaches: (total, open, agents, minutes) =>
      `Con ${agents} agentes en turno y ${minutes} minutos por intento, ${total} de ${open} llamadas abiertas no se harían a tiempo.`,
    causes: (overdue, capacity, hours) =>
      `${overdue} ya están vencidas, ${capacity} vencerían por falta de agentes y ${hours} vencerían aun con agentes ilimitados porque no quedan horas de llamadas antes del plazo.`,
    prevention: (extra, hours, until) =>
      `${extra} ${extra === 1 ? 'agente más' : 'agentes más'} en llamadas hasta ${until} —unas ${hours} horas-agente— evitarían los incumplimientos por falta de agentes.`,
    noPrevention: 'Más agentes no evitarían ninguno de estos incumplimientos.',
    clears: (when) => `A este ritmo, el atraso queda resuelto para ${when}.`,
    tableCaption: (shown, total) =>
      shown === total
        ? 'Llamadas que no se harían a tiempo, las primeras primero'
        : `Llamadas que no se harían a tiempo, las primeras ${shown} de ${total}`,
    customer: 'Cliente',
    urgency: 'Urgencia',
    breachAt: 'Incumple a las (vence)',
    closeAt: 'Cierre previsto',
    cause: 'Motivo',
    notClosed: 'fuera del pronóstico',
    causeNames: {
      'already-overdue': 'Ya vencida',
      capacity: 'Faltan agentes',
      hours: 'No quedan horas de llamadas',
    },
    methodTitle: 'Cómo se calcula y sus límites',
    method: [
      'Cada agente en turno toma la llamada lista de mayor riesgo, en el mismo orden que la lista de trabajo, y dedica el tiempo medio a un intento, solo dentro del horario de llamadas.',
      'Un intento fallido deja la llamada lista de nuevo tras la espera que fija la política, hasta agotar los intentos. El porcentaje de intentos fallidos es el que usted indica.',
      'Una llamada incumple cuando sigue abierta a su hora límite. El cálculo se repite con agentes ilimitados para separar los incumplimientos por personal de los causados por el horario.',
      'Los agentes adicionales son los mínimos que eliminan los incumplimientos por personal; las horas-agente cuentan las horas de llamadas hasta que vence la última de ellas.',
      'Límites: todos los intentos duran lo mismo; los agentes hacen llamadas todo el horario (sin descansos ni llamadas en vivo: reduzca el número de agentes para eso); no se cuentan el horario local del cliente ni las llamadas nuevas que lleguen.',
    ],
  },
  handleTimes: {
    title: 'Tiempo de gestión y trabajo posterior a la llamada',
    caption: (days) => `Promedio por contacto, hoy y los últimos ${days} días (cierres registrados)`,
    agent: 'Agente',
    team: 'Todo el equipo',
    contactsToday: 'Contactos hoy',
    handleToday: 'Tiempo de gestión hoy',
    acwToday: 'Trabajo posterior hoy',
    contactsPeriod: (days) => `Contactos, ${days} días`,
    handlePeriod: (days) => `Tiempo de gestión, ${days} días`,
    acwPeriod: (days) => `Trabajo posterior, ${days} días`,
    none: '—',
    talk: 'Tiempo en llamada',
    acw: 'Trabajo posterior',
    chartTitle: (days) => `Tiempo de gestión promedio por contacto, últimos ${days} días (minutos:segundos)`,
    chartSummary: (days) =>
      `Una barra por agente y una para el equipo: tiempo en llamada más trabajo posterior, en promedio de los últimos ${days} días. La tabla de abajo tiene todos los números.`,
  },
  escalations: {
    title: 'Escalamientos en espera del Nivel 2',
    count: (n) => (n === 1 ? '1 escalamiento en espera' : `${n} escalamientos en espera`),
    none: 'Ningún escalamiento en espera.',
    caption: 'Los más antiguos primero',
    age: 'En espera',
    urgency: 'Urgencia',
    by: 'Escalado por',
    open: 'Abrir',
  },
  announce: {
    overdueUp: (n) =>
      n === 1 ? 'Las vencidas subieron a 1 llamada.' : `Las vencidas subieron a ${n} llamadas.`,
    overdueDown: (n) => `Las vencidas bajaron a ${n}.`,
    dueSoonUp: (n) => `Las que vencen pronto subieron a ${n}.`,
    unableUp: (n) => `Sin contacto hoy subió a ${n}.`,
    presence: (name, presence) => `${name} ahora: ${presence}.`,
    more: (n) => `${n} cambios más.`,
  },
};
