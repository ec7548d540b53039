import { DEFAULT_POLICY } from '../../shared/domain/policy';

/** Placeholder shell until the agent UI lands (issue 5); shows the policy it runs under. */
export function App() {
  const { daily, timeZone } = DEFAULT_POLICY.callbackHours;
  return (
    <main>
      <h1>Agent Desk</h1>
      <p>
        Callback hours: {daily.start}–{daily.end} ({timeZone})
      </p>
    </main>
  );
}
