export default async function globalTeardown(): Promise<void> {
  const shared = globalThis.talentTestServices;
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  globalThis.talentTestServices = undefined;
  await (await shared.services).stop();
}
