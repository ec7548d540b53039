/**
 * The supervisor view's text, English. Plugged into the one UI catalog
 * (i18n/catalog-en.ts, key `supervisor`); the Spanish twin has the same shape.
 */
export const supervisorEn = {
  title: 'Supervisor view',
  teamOf: (team: string) => `Team ${team}`,
  onlyLeads: 'Only team leads can open the supervisor view.',
  link: {
    off: 'Not connected',
    connecting: 'Connecting…',
    live: 'Live',
    offline: 'Reconnecting…',
    retryAt: (when: string) => `next try ${when}`,
    updated: (when: string) => `Updated ${when}`,
  },
  board: {
    title: 'Team board',
    intro: 'Each figure opens the callbacks behind it.',
    split: (urgent: number, nonUrgent: number) => `${urgent} urgent · ${nonUrgent} non-urgent`,
  },
  figures: {
    open: { label: 'Open', description: 'Callbacks not yet closed.' },
    queued: { label: 'In the team queue', description: 'Open callbacks nobody has claimed.' },
    claimed: { label: 'Claimed', description: 'Open callbacks an agent holds.' },
    'due-soon': {
      label: 'Due soon',
      description: 'Open callbacks due within the next hours.',
    },
    'at-risk': {
      label: 'At risk',
      description:
        'Open callbacks with little callable time left before they are due, or whose remaining attempts no longer fit.',
    },
    'due-today': {
      label: 'Due today',
      description:
        'Open callbacks whose last callable window before the due time is today (or none is left), not yet overdue.',
    },
    overdue: { label: 'Overdue', description: 'Open callbacks whose due time has passed.' },
    'second-attempt-pending': {
      label: 'Second attempt pending',
      description: 'A failed attempt and another one allowed.',
    },
    'resolved-today': { label: 'Resolved today', description: 'Closed today: the customer was reached.' },
    'unable-to-reach-today': {
      label: 'Unable to reach today',
      description: 'Closed today after every allowed attempt failed.',
    },
  },
  dueSoonLabel: (hours: number) => `Due in the next ${hours} hours`,
  drill: {
    title: (figure: string) => `Callbacks: ${figure}`,
    close: 'Close list',
    urgency: 'Urgency',
    anyUrgency: 'Urgent and non-urgent',
    count: (shown: number, total: number) =>
      total === 0 ? 'No callbacks.' : `Showing ${shown} of ${total} callbacks`,
    tableCaption: (figure: string) => `Callbacks behind “${figure}”, most at risk first`,
    select: 'Select',
    selectAll: 'Select all shown',
    selectOne: (name: string) => `Select the callback of ${name}`,
    customer: 'Customer',
    receipt: 'Receipt',
    urgencyCol: 'Urgency',
    status: 'Status',
    due: 'Due',
    attempts: 'Attempts',
    attemptsOf: (made: number, allowed: number) => `${made} of ${allowed}`,
    assignee: 'Assigned to',
    queue: 'Team queue',
    pendingSync: 'not synced yet',
    noName: 'Name not on file',
    previous: 'Previous page',
    next: 'Next page',
    selected: (n: number) => (n === 1 ? '1 selected' : `${n} selected`),
    reassignTo: 'Reassign to',
    toQueue: 'The team queue (unassigned)',
    reassign: 'Reassign selected',
    grant: 'Grant one extra attempt',
    grantHint: 'Only callbacks closed as unable to reach can get an extra attempt.',
    noneSelected: 'Select one or more callbacks first.',
    reassigned: (n: number, to: string) =>
      n === 1 ? `1 callback reassigned to ${to}.` : `${n} callbacks reassigned to ${to}.`,
    granted: (n: number) =>
      n === 1 ? 'Extra attempt granted for 1 callback.' : `Extra attempt granted for ${n} callbacks.`,
    refused: (n: number) => (n === 1 ? '1 was refused:' : `${n} were refused:`),
    refusedItem: (name: string, message: string) => `${name}: ${message}`,
  },
  roster: {
    title: 'Agents',
    caption: 'Agents on the team: presence, current work and today’s attempts',
    agent: 'Agent',
    role: 'Role',
    presence: 'Presence',
    since: 'Since',
    currentItem: 'Working on',
    held: 'Callbacks held',
    attempts: 'Attempts today',
    outcomes: 'Outcomes today',
    none: '—',
    noAgents: 'No agents on this team.',
    item: { inquiries: 'Inquiry', callbacks: 'Callback', expedite_requests: 'Expedite request' },
  },
  presence: {
    available: 'Available',
    'on-call': 'On a call',
    'after-call': 'After-call work',
    break: 'On break',
    offline: 'Offline',
    'away-locked': 'Away (locked)',
  },
  charts: {
    title: 'Trends',
    showTable: (title: string) => `Data table: ${title}`,
    noData: 'no data',
    legend: 'Legend',
    titles: {
      'sla-compliance': (days: number) => `SLA compliance, last ${days} days`,
      'backlog-by-due-day': () => 'Open callbacks by due day',
      'attempt-outcomes': (days: number) => `Attempt outcomes, last ${days} days`,
    },
    categoryLabels: {
      'sla-compliance': 'Day due',
      'backlog-by-due-day': 'Due',
      'attempt-outcomes': 'Day',
    },
    series: {
      compliance: 'On time (%)',
      'on-time': 'Closed on time',
      late: 'Closed late',
      'open-past-due': 'Open past due',
      urgent: 'Urgent',
      'non-urgent': 'Non-urgent',
    } as Record<string, string>,
    overdue: 'Overdue',
    later: 'Later',
    today: (day: string) => `${day} (today)`,
    complianceSummary: (onTime: number, late: number, open: number, days: number) => {
      const total = onTime + late + open;
      return total === 0
        ? `No callbacks came due in the last ${days} days.`
        : `Of ${total} callbacks due in the last ${days} days, ${onTime} were closed on time, ${late} closed late and ${open} are still open past their due time: ${Math.round((onTime / total) * 1000) / 10}% on time.`;
    },
    backlogSummary: (open: number, overdue: number) => `${open} open callbacks, ${overdue} of them overdue.`,
    outcomesSummary: (total: number, reached: number, days: number) =>
      total === 0
        ? `No attempts in the last ${days} days.`
        : `${total} attempts in the last ${days} days; ${reached} reached the customer.`,
    axisPercent: 'Percent on time',
    axisCount: 'Callbacks',
  },
  forecast: {
    title: 'Breach forecast',
    intro:
      'Which open callbacks will miss their due time at the staffing you enter, and how much extra capacity would prevent it.',
    handle: 'Average handle time per attempt (minutes)',
    handleHint: 'Dialing, talking and wrap-up for one attempt.',
    agents: 'Agents on shift',
    agentsHint: (online: number) => `Leave empty to use the agents signed in now (${online}).`,
    unreached: 'Attempts that do not reach the customer (%)',
    unreachedHint: '0 is the best case; try a higher share to see the worst case.',
    run: 'Run forecast',
    running: 'Working it out…',
    invalidHandle: 'Enter a handle time above 0 minutes.',
    invalidAgents: 'Enter a whole number of agents, 0 or more.',
    invalidShare: 'Enter a percentage from 0 to 100.',
    resultTitle: 'What the forecast says',
    noBreach: (open: number, agents: number, minutes: number) =>
      `With ${agents} agents on shift and ${minutes} minutes per attempt, all ${open} open callbacks can be closed on time.`,
    breaches: (total: number, open: number, agents: number, minutes: number) =>
      `With ${agents} agents on shift and ${minutes} minutes per attempt, ${total} of ${open} open callbacks would miss their due time.`,
    causes: (overdue: number, capacity: number, hours: number) =>
      `${overdue} are already overdue, ${capacity} would breach for lack of agents, and ${hours} would breach even with unlimited agents because no callback hours remain before they are due.`,
    prevention: (extra: number, hours: number, until: string) =>
      `${extra} more ${extra === 1 ? 'agent' : 'agents'} on callbacks until ${until} — about ${hours} agent-hours — would prevent the capacity breaches.`,
    noPrevention: 'More agents would not prevent any of these breaches.',
    clears: (when: string) => `At this pace the backlog is cleared by ${when}.`,
    tableCaption: (shown: number, total: number) =>
      shown === total
        ? 'Callbacks that would breach, earliest first'
        : `Callbacks that would breach, earliest ${shown} of ${total}`,
    customer: 'Customer',
    urgency: 'Urgency',
    breachAt: 'Breaches at (due)',
    closeAt: 'Projected close',
    cause: 'Why',
    notClosed: 'not within the forecast',
    causeNames: {
      'already-overdue': 'Already overdue',
      capacity: 'Not enough agents',
      hours: 'No callback hours left',
    },
    methodTitle: 'How this is worked out, and its limits',
    method: [
      'Each agent on shift takes the riskiest ready callback, the same order as the worklist, and spends the average handle time on one attempt, only inside callback hours.',
      'A failed attempt makes the callback ready again after the policy’s retry gap, until attempts run out. The share of failed attempts is the one you enter.',
      'A callback breaches when it is still open at its due time. The run is repeated with unlimited agents to tell breaches caused by staffing from those caused by callback hours.',
      'The extra agents are the fewest that remove the staffing breaches; agent-hours count the open callback hours until the last of them is due.',
      'Limits: every attempt takes the same time; agents work callbacks all the callback hours (no breaks or live calls — lower the agent count for that); the customer’s own local hours and new callbacks arriving are not counted.',
    ],
  },
  handleTimes: {
    title: 'Handle time and after-call work',
    caption: (days: number) => `Average per contact, today and the last ${days} days (wrap-ups recorded)`,
    agent: 'Agent',
    team: 'Whole team',
    contactsToday: 'Contacts today',
    handleToday: 'Handle time today',
    acwToday: 'After-call work today',
    contactsPeriod: (days: number) => `Contacts, ${days} days`,
    handlePeriod: (days: number) => `Handle time, ${days} days`,
    acwPeriod: (days: number) => `After-call work, ${days} days`,
    none: '—',
    talk: 'Talk time',
    acw: 'After-call work',
    chartTitle: (days: number) => `Average handle time per contact, last ${days} days (minutes:seconds)`,
    chartSummary: (days: number) =>
      `One bar per agent and one for the team: talk time plus after-call work, averaged over the last ${days} days. The table below has every number.`,
  },
  escalations: {
    title: 'Escalations waiting for Tier 2',
    count: (n: number) => (n === 1 ? '1 escalation waiting' : `${n} escalations waiting`),
    none: 'No escalation is waiting.',
    caption: 'Oldest first',
    age: 'Waiting',
    urgency: 'Urgency',
    by: 'Escalated by',
    open: 'Open',
  },
  announce: {
    overdueUp: (n: number) => (n === 1 ? 'Overdue rose to 1 callback.' : `Overdue rose to ${n} callbacks.`),
    overdueDown: (n: number) => `Overdue fell to ${n}.`,
    dueSoonUp: (n: number) => `Due soon rose to ${n}.`,
    unableUp: (n: number) => `Unable to reach today rose to ${n}.`,
    presence: (name: string, presence: string) => `${name} is now ${presence}.`,
    more: (n: number) => `${n} more changes.`,
  },
};

export type SupervisorMessages = typeof supervisorEn;
