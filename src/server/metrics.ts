/** In-process counters exposed as Prometheus text on GET /metrics. */
export class Metrics {
  connectedSockets = 0;
  mutationsApplied = 0;
  mutationsRejected = 0;
  mutationsDuplicate = 0;
  pulls = 0;
  signInFailures = 0;
  protocolErrors = 0;

  render(): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    };
    metric('agent_desk_connected_sockets', 'gauge', 'Connected sync sockets.', this.connectedSockets);
    metric('agent_desk_mutations_applied_total', 'counter', 'Mutations applied.', this.mutationsApplied);
    metric('agent_desk_mutations_rejected_total', 'counter', 'Mutations rejected.', this.mutationsRejected);
    metric(
      'agent_desk_mutations_duplicate_total',
      'counter',
      'Mutations re-pushed after being processed.',
      this.mutationsDuplicate,
    );
    metric('agent_desk_pulls_total', 'counter', 'Pull requests served.', this.pulls);
    metric('agent_desk_sign_in_failures_total', 'counter', 'Failed sign-ins.', this.signInFailures);
    metric(
      'agent_desk_protocol_errors_total',
      'counter',
      'Malformed or unknown socket messages.',
      this.protocolErrors,
    );
    return `${lines.join('\n')}\n`;
  }
}
