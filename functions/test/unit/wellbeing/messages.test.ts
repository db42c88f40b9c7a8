/** Notification texts: the not-a-diagnosis line, helplines where they belong, languages, limits. */
import assert from 'node:assert/strict';
import { DEFAULT_HELPLINES, SEVERITIES, notificationSchema } from '../../../src/model/schemas';
import {
  assessmentResultText,
  checkinReminderText,
  counselorSummaryText,
  formatHelplines,
  item9CareText,
  streakNudgeText,
  taskReminderText,
  weeklyReflectionText,
  type LocalizedText,
} from '../../../src/wellbeing/messages';

const IN = DEFAULT_HELPLINES.IN ?? [];
const NP = DEFAULT_HELPLINES.NP ?? [];

function all(t: LocalizedText) {
  return [{ title: t.title, body: t.body }, t.translations.hi, t.translations.ne];
}

function fitsNotification(t: LocalizedText) {
  for (const x of all(t)) {
    notificationSchema.shape.title.parse(x.title);
    notificationSchema.shape.body.parse(x.body);
  }
}

describe('well-being messages', () => {
  it('every assessment result says it is a screening, not a diagnosis, in each language', () => {
    for (const severity of SEVERITIES) {
      const t = assessmentResultText('phq9', 12, severity, null, IN);
      assert.match(t.body, /This is a screening, not a diagnosis\./);
      assert.match(t.translations.hi.body, /यह एक स्क्रीनिंग है, निदान नहीं।/);
      assert.match(t.translations.ne.body, /यो स्क्रिनिङ मात्र हो, निदान होइन।/);
      fitsNotification(t);
    }
  });

  it('names the instrument, band and score in the title', () => {
    assert.equal(assessmentResultText('phq9', 7, 'mild', null, IN).title, 'Your PHQ-9 result: mild (7 of 27)');
    assert.equal(assessmentResultText('gad7', 16, 'severe', null, IN).title, 'Your GAD-7 result: severe (16 of 21)');
    assert.equal(assessmentResultText('phq9', 17, 'moderately-severe', null, IN).translations.hi.title, 'आपका PHQ-9 परिणाम: मध्यम-गंभीर (27 में से 17)');
  });

  it('next steps: helplines and a counselor for the two highest bands only', () => {
    assert.doesNotMatch(assessmentResultText('phq9', 3, 'minimal', null, IN).body, /14416|counselor/);
    assert.match(assessmentResultText('phq9', 12, 'moderate', null, IN).body, /counselor/);
    assert.doesNotMatch(assessmentResultText('phq9', 12, 'moderate', null, IN).body, /14416/);
    assert.match(assessmentResultText('phq9', 17, 'moderately-severe', null, IN).body, /Tele-MANAS 14416 \(24x7\)/);
    assert.match(assessmentResultText('gad7', 18, 'severe', null, NP).translations.ne.body, /1166/);
  });

  it('describes the trend in points, lower being better', () => {
    const trend = (delta: number, direction: 'improved' | 'stable' | 'worsened') => ({ previousId: 'a', previousScore: 10, delta, direction });
    assert.match(assessmentResultText('phq9', 4, 'minimal', trend(-6, 'improved'), IN).body, /6 points lower, an improvement/);
    assert.match(assessmentResultText('phq9', 15, 'moderately-severe', trend(5, 'worsened'), IN).body, /5 points higher/);
    assert.match(assessmentResultText('phq9', 11, 'moderate', trend(1, 'stable'), IN).body, /About the same as last time/);
  });

  it('the item-9 caring message lists the country\'s helplines, the emergency number and the offer to book', () => {
    const india = item9CareText(IN);
    assert.match(india.body, /Tele-MANAS 14416 \(24x7\), Tele-MANAS \(toll-free\) 1-800-891-4416 \(24x7\)/);
    assert.match(india.body, /call 112/);
    assert.match(india.body, /book a session/);
    assert.match(india.translations.hi.body, /112 पर कॉल करें/);
    const nepal = item9CareText(NP);
    assert.match(nepal.translations.ne.body, /1166/);
    assert.doesNotMatch(nepal.body, /immediate danger/);
    fitsNotification(india);
    fitsNotification(nepal);
  });

  it('formats helplines with their hours', () => {
    assert.equal(formatHelplines([{ name: 'A', phone: '1' }, { name: 'B', phone: '2', hours: '9-5' }]), 'A 1, B 2 (9-5)');
  });

  it('reminders, nudges, summaries and reflections fit a notification in every language', () => {
    for (const t of [
      checkinReminderText(),
      taskReminderText('x'.repeat(200)),
      streakNudgeText(12),
      counselorSummaryText({ openRisk: { moderate: 3, high: 2, imminent: 1 }, bookings: { confirmed: 4, requested: 1 } }),
      weeklyReflectionText({ daysActive: 5, averageScore: 64, streak: 4 }),
      weeklyReflectionText({ daysActive: 0, averageScore: null, streak: 0 }),
    ]) {
      fitsNotification(t);
    }
  });

  it('the counselor summary holds counts only', () => {
    const t = counselorSummaryText({ openRisk: { moderate: 3, high: 2, imminent: 1 }, bookings: { confirmed: 4, requested: 1 } });
    assert.equal(t.body, 'Open risk alerts: 1 imminent, 2 high, 3 moderate. Today\'s sessions: 4 confirmed, 1 awaiting your reply.');
  });

  it('the weekly reflection leaves out the average when there is none', () => {
    assert.match(weeklyReflectionText({ daysActive: 5, averageScore: 64, streak: 4 }).body, /5 of the last 7 days, with an average well-being score of 64\. Current streak: 4 days/);
    assert.doesNotMatch(weeklyReflectionText({ daysActive: 0, averageScore: null, streak: 0 }).body, /average/);
  });
});
