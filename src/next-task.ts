/**
 * A pause to the next task: what waits on this thread (a message such as a stop, input, a paint)
 * runs first. The one pause the workers and the page use between steps of long work.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
