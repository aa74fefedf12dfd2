/**
 * Specs for pure deciders that read as the rule they state:
 * `given(events).when(command).then(events)` or `.thenThrows(code)`.
 */
export interface Decider<State, Command, Event> {
  decide(state: State | undefined, command: Command): Event[];
  evolve(state: State | undefined, event: Event): State;
}

export function deciderSpecification<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(history: Event[]) {
      const state = history.reduce<State | undefined>((current, event) => decider.evolve(current, event), undefined);
      return {
        when(command: Command) {
          const run = () => decider.decide(state, command);
          return {
            then(expected: Array<Partial<Event> | object>) {
              expect(run()).toEqual(expected.map((event): unknown => expect.objectContaining(event)));
            },
            thenThrows(code: string, message?: RegExp) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toMatchObject({ code });
              if (message) expect((thrown as Error).message).toMatch(message);
            },
            /** The events, for assertions a list of expectations cannot express. */
            events: run,
          };
        },
      };
    },
  };
}
