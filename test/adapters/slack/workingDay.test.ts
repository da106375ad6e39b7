import { expect } from 'chai';
import { BLOCK, ELEMENT, WORKING_DAY_VIEW } from '../../../src/adapters/slack/render/workingDay.js';
import { buttonsOf, SlackHarness, TEAM, textOf } from './harness.js';

/**
 * The working day set on App Home, through the real server (HTTP and Socket Mode): the button opens the form,
 * a submission is checked (errors beside the fields), saved, shown on the tab, and the reminders follow it.
 */
function submission(values: { days?: string[]; start?: string | null; end?: string | null }) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'test' },
    user: { id: 'U1', username: 'u1', team_id: TEAM },
    api_app_id: 'A0TEST',
    token: 'unused',
    trigger_id: `trigger.view.${Date.now()}`,
    view: {
      id: 'VMODAL',
      type: 'modal',
      callback_id: WORKING_DAY_VIEW,
      team_id: TEAM,
      state: {
        values: {
          [BLOCK.days]: { [ELEMENT.days]: { type: 'checkboxes', selected_options: (values.days ?? []).map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
          [BLOCK.start]: { [ELEMENT.start]: { type: 'timepicker', selected_time: values.start ?? null } },
          [BLOCK.end]: { [ELEMENT.end]: { type: 'timepicker', selected_time: values.end ?? null } },
        },
      },
    },
  };
}

for (const socket of [false, true]) {
  describe(`slack App Home: the working day${socket ? ' (Socket Mode)' : ''}`, () => {
    let h: SlackHarness;
    beforeEach(async () => {
      h = await SlackHarness.start({ socket });
    });
    afterEach(() => h.close());

    const home = async () => {
      await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
      return h.fake.of('views.publish').at(-1)!.body.view;
    };
    const pressOnHome = async (label: string) => {
      const view = await home();
      const button = buttonsOf(view.blocks).find((b) => b.label === label);
      expect(button, `"${label}" on App Home`).to.exist;
      const payload = h.clickPayload('U1', { channel: 'D1', ts: '1' }, button!);
      return h.sendAction({ ...payload, container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } });
    };

    it('starts unset, opens a form filled with weekdays 9:00 to 17:30, and saves what is chosen', async () => {
      expect(textOf((await home()).blocks)).to.include('Not set: reminders come at their time, any hour');
      await pressOnHome('Set working day');
      const opened = h.fake.of('views.open');
      expect(opened).to.have.length(1);
      expect(opened[0]!.body.trigger_id).to.match(/^trigger\./);
      const form = opened[0]!.body.view;
      expect(form.callback_id).to.equal(WORKING_DAY_VIEW);
      const days = form.blocks.find((b: any) => b.block_id === BLOCK.days).element;
      expect(days.initial_options.map((o: any) => o.value)).to.deep.equal(['1', '2', '3', '4', '5']);
      expect(form.blocks.find((b: any) => b.block_id === BLOCK.start).element.initial_time).to.equal('09:00');

      const res = await h.sendAction(submission({ days: ['1', '2', '3', '4'], start: '08:30', end: '16:00' }));
      expect(res.status).to.equal(200);
      expect(res.json?.response_action).to.equal(undefined);
      const profile = await h.server.coach.getProfile('slack:T0TEST:U1');
      expect(profile?.surfaces.slack).to.deep.include({ workDays: '1,2,3,4', workStart: '08:30', workEnd: '16:00' });
      expect(textOf(h.fake.of('views.publish').at(-1)!.body.view.blocks)).to.include('Mon, Tue, Wed, Thu, 08:30 to 16:00');
    });

    it('shows mistakes beside the fields and keeps the form open: no day, an end before the start', async () => {
      const res = await h.sendAction(submission({ days: [], start: '17:00', end: '09:00' }));
      expect(res.json).to.deep.equal({ response_action: 'errors', errors: { [BLOCK.days]: 'Pick at least one day.', [BLOCK.end]: 'The day must end after it starts.' } });
      const missing = await h.sendAction(submission({ days: ['1'], start: null, end: '09:00' }));
      expect(missing.json?.errors).to.deep.equal({ [BLOCK.start]: 'Pick a time.' });
      expect((await h.server.coach.getProfile('slack:T0TEST:U1'))?.surfaces.slack?.workDays).to.equal(undefined);
    });

    it('"Any hour" drops the working day; the form then opens with the defaults again', async () => {
      await h.sendAction(submission({ days: ['1', '2', '3', '4', '5'], start: '10:00', end: '18:00' }));
      await pressOnHome('Any hour');
      expect(textOf(h.fake.of('views.publish').at(-1)!.body.view.blocks)).to.include('Not set');
      await pressOnHome('Set working day');
      expect(h.fake.of('views.open').at(-1)!.body.view.blocks.find((b: any) => b.block_id === BLOCK.start).element.initial_time).to.equal('09:00');
    });
  });
}
