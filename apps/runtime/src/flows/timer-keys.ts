/** The job queue flow timers (SLA reminders, escalations, timer nodes) run on. */
export const FLOW_TIMER_QUEUE = 'flow.timer';

/** The job key of an instance's timer (unique among live jobs: scheduling it twice is a no-op). */
export const timerJobKey = (instance: number, timer: string) => `flow:${instance}:${timer}`;
