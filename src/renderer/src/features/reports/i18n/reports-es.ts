import type { ReportsMessages } from './reports-en';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The lead reports' text, Spanish (same shape as the English). */
export const reportsEs: ReportsMessages = {
  title: 'Informes',
  intro:
    'Cifras de un rango de días, calculadas por el servidor a partir de lo guardado. Los días son los del centro de contacto (horas en su zona).',
  onlyLeads: 'Solo los líderes de equipo y los administradores pueden leer informes.',
  teamOf: (team) => `Equipo ${team}`,
  allTeams: 'Todos los equipos',
  form: 'Rango del informe',
  team: 'Equipo (vacío: todos los equipos)',
  from: 'Desde (primer día)',
  to: 'Hasta (último día)',
  show: 'Ver informe',
  exportCsv: 'Exportar CSV',
  print: 'Imprimir',
  exported: (lines) => `Se exportaron ${plural(lines, 'línea de cifras', 'líneas de cifras')} en CSV.`,
  heading: (who, from, to) => `${who}, del ${from} al ${to}`,
  generated: (when, zone) => `Calculado ${when}; días en ${zone}.`,
  figuresNav: 'Cifras de este informe',
  noData: 'sin datos',
  titles: {
    'sla-by-day': 'Cumplimiento del SLA por día de vencimiento',
    'sla-by-week': 'Cumplimiento del SLA por semana (de lunes a domingo)',
    'attempts-by-day': 'Intentos y resultados por día',
    'first-attempt-by-day': 'Contactados en el primer intento, por día',
    'handle-time-by-day': 'Tiempo de atención y de trabajo posterior por día',
    'expedites-by-routing': 'Solicitudes de trámite acelerado por destino',
    'appointments-by-routing': 'Solicitudes de cita por destino',
    'escalations-by-day': 'Escalamientos al Nivel 2 por día',
    'escalations-waiting-by-age': 'Escalamientos que aún esperan al Nivel 2, por antigüedad',
  },
  categoryLabels: {
    'sla-by-day': 'Día de vencimiento',
    'sla-by-week': 'Semana del',
    'attempts-by-day': 'Día',
    'first-attempt-by-day': 'Día',
    'handle-time-by-day': 'Día en que terminó la llamada',
    'expedites-by-routing': 'Componente operativo',
    'appointments-by-routing': 'Tratamiento',
    'escalations-by-day': 'Día del escalamiento',
    'escalations-waiting-by-age': 'Esperando desde hace',
  },
  series: {
    compliance: 'A tiempo (%)',
    'on-time': 'Cerradas a tiempo',
    late: 'Cerradas tarde',
    'open-past-due': 'Abiertas y vencidas',
    'first-attempt-rate': 'Contactados en el primer intento (%)',
    'first-attempts': 'Primeros intentos',
    'first-attempt-reached': 'Contactados en el primer intento',
    contacts: 'Contactos cerrados',
    talk: 'Tiempo medio de conversación',
    'after-call-work': 'Trabajo posterior medio',
    handle: 'Tiempo medio de atención',
    requests: 'Solicitudes',
    escalated: 'Escalados al Nivel 2',
    'still-waiting': 'Aún esperan al Nivel 2',
    waiting: 'Esperan al Nivel 2',
  },
  ages: {
    'under-4h': 'Menos de 4 horas',
    'under-24h': 'De 4 a 24 horas',
    'under-72h': 'De 1 a 3 días',
    'over-72h': 'Más de 3 días',
  },
  duration: (seconds) =>
    seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`,
  summaries: {
    sla: (onTime, late, open, rate) =>
      rate === null
        ? 'Ninguna devolución de llamada venció en este rango.'
        : `De ${plural(onTime + late + open, 'devolución de llamada vencida', 'devoluciones de llamada vencidas')}, ${onTime} se cerraron a tiempo, ${late} se cerraron tarde y ${open} siguen abiertas y vencidas: ${rate}% a tiempo.`,
    attempts: (total, reached) =>
      total === 0
        ? 'No hubo intentos en este rango.'
        : `${plural(total, 'intento', 'intentos')}; ${reached} contactaron al cliente.`,
    firstAttempt: (first, reached, rate) =>
      rate === null
        ? 'Ninguna devolución de llamada tuvo su primer intento en este rango.'
        : `${plural(first, 'devolución de llamada tuvo', 'devoluciones de llamada tuvieron')} su primer intento en este rango; en ${reached} (${rate}%) se contactó al cliente en ese intento.`,
    handle: (contacts, average) =>
      average === null
        ? 'No se cerró ningún contacto en este rango (los tiempos de atención salen de los cierres de contacto).'
        : `${plural(contacts, 'contacto cerrado', 'contactos cerrados')}; tiempo medio de atención ${average}.`,
    expedites: (total) =>
      `${plural(total, 'solicitud de trámite acelerado registrada', 'solicitudes de trámite acelerado registradas')}.`,
    appointments: (total, individual) =>
      `${plural(total, 'solicitud de cita', 'solicitudes de cita')}, ${individual} para revisión individual.`,
    escalations: (total, waiting) =>
      `${plural(total, 'escalamiento', 'escalamientos')} al Nivel 2; ${waiting} de ellos aún esperan a un agente de Nivel 2.`,
    waiting: (total, oldBand) =>
      total === 0
        ? 'Ningún escalamiento de este rango está esperando.'
        : `${plural(total, 'escalamiento', 'escalamientos')} de este rango esperan ahora al Nivel 2; ${oldBand} desde hace más de 3 días.`,
  },
};
