/**
 * When `npm start` supervises this process over an IPC channel, a vanished supervisor (killed,
 * crashed) must not leave an orphan worker polling Temporal: close the app when the channel drops.
 */
export function closeWhenSupervisorGoes(app: { close(): Promise<void> }): void {
  if (!process.send) return;
  process.once('disconnect', () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
