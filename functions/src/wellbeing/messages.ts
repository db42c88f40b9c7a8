/**
 * What well-being notifications say, in English, Hindi and Nepali (other languages get English). Pure: data in,
 * texts out, shaped for `notifyUser` (`title`/`body` in English plus `translations`). Assessment results always
 * say that they are a screening, not a diagnosis; caring messages list the helplines of the student's country.
 */
import type { AssessmentTrend, Helpline, Instrument, Severity } from '../model/schemas';
import type { NotificationText } from '../notify/plan';

export interface LocalizedText {
  title: string;
  body: string;
  translations: { hi: NotificationText; ne: NotificationText };
}

type Lang = 'en' | 'hi' | 'ne';
type PerLang = Record<Lang, NotificationText>;

function localized(t: PerLang): LocalizedText {
  const fit = (x: NotificationText): NotificationText => ({ title: x.title.slice(0, 200), body: x.body.slice(0, 1000) });
  const en = fit(t.en);
  return { title: en.title, body: en.body, translations: { hi: fit(t.hi), ne: fit(t.ne) } };
}

const INSTRUMENT_NAME: Record<Instrument, string> = { phq9: 'PHQ-9', gad7: 'GAD-7' };
const MAX: Record<Instrument, number> = { phq9: 27, gad7: 21 };

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  en: { minimal: 'minimal', mild: 'mild', moderate: 'moderate', 'moderately-severe': 'moderately severe', severe: 'severe' },
  hi: { minimal: 'न्यूनतम', mild: 'हल्का', moderate: 'मध्यम', 'moderately-severe': 'मध्यम-गंभीर', severe: 'गंभीर' },
  ne: { minimal: 'न्यूनतम', mild: 'हल्का', moderate: 'मध्यम', 'moderately-severe': 'मध्यम-गम्भीर', severe: 'गम्भीर' },
};

const NOT_A_DIAGNOSIS: Record<Lang, string> = {
  en: 'This is a screening, not a diagnosis.',
  hi: 'यह एक स्क्रीनिंग है, निदान नहीं।',
  ne: 'यो स्क्रिनिङ मात्र हो, निदान होइन।',
};

/** Next steps per band; `{helplines}` is replaced with the country's helplines. */
const NEXT_STEPS: Record<Lang, Record<'minimal' | 'mild' | 'moderate' | 'high', string>> = {
  en: {
    minimal: 'Keep up the habits that help you: sleep, movement and time with people you trust.',
    mild: 'Small daily steps help: a check-in, a breathing exercise, a short walk. You can take this again in two weeks.',
    moderate: 'Talking to a counselor can help. You can book a session in the app.',
    high: 'We recommend talking to a counselor soon. You can book a session in the app, and helplines are there any time: {helplines}.',
  },
  hi: {
    minimal: 'जो आदतें आपकी मदद करती हैं, उन्हें जारी रखें: अच्छी नींद, व्यायाम और भरोसेमंद लोगों के साथ समय।',
    mild: 'रोज़ के छोटे कदम मदद करते हैं: चेक-इन, साँस का अभ्यास, थोड़ी सैर। दो हफ़्ते बाद आप इसे फिर से कर सकते हैं।',
    moderate: 'किसी काउंसलर से बात करना मदद कर सकता है। आप ऐप में सेशन बुक कर सकते हैं।',
    high: 'हमारी सलाह है कि आप जल्द किसी काउंसलर से बात करें। आप ऐप में सेशन बुक कर सकते हैं, और हेल्पलाइन हर समय उपलब्ध हैं: {helplines}।',
  },
  ne: {
    minimal: 'तपाईंलाई मद्दत गर्ने बानीहरू जारी राख्नुहोस्: राम्रो निद्रा, व्यायाम र भरोसाका मानिसहरूसँग समय।',
    mild: 'दैनिक साना कदमहरूले मद्दत गर्छन्: चेक-इन, श्वास अभ्यास, छोटो हिँडाइ। दुई हप्तापछि फेरि यो गर्न सक्नुहुन्छ।',
    moderate: 'काउन्सेलरसँग कुरा गर्दा मद्दत हुन सक्छ। तपाईं एपमा सत्र बुक गर्न सक्नुहुन्छ।',
    high: 'छिट्टै काउन्सेलरसँग कुरा गर्न हामी सुझाव दिन्छौं। तपाईं एपमा सत्र बुक गर्न सक्नुहुन्छ, र हेल्पलाइन जुनसुकै बेला उपलब्ध छन्: {helplines}।',
  },
};

function stepKey(severity: Severity): 'minimal' | 'mild' | 'moderate' | 'high' {
  if (severity === 'moderately-severe' || severity === 'severe') return 'high';
  return severity;
}

function trendText(lang: Lang, trend: AssessmentTrend | null): string {
  if (!trend) return '';
  const points = Math.abs(trend.delta);
  const texts: Record<Lang, Record<AssessmentTrend['direction'], string>> = {
    en: {
      improved: `Compared with last time: ${points} points lower, an improvement.`,
      worsened: `Compared with last time: ${points} points higher.`,
      stable: 'About the same as last time.',
    },
    hi: {
      improved: `पिछली बार की तुलना में: ${points} अंक कम, यह सुधार है।`,
      worsened: `पिछली बार की तुलना में: ${points} अंक ज़्यादा।`,
      stable: 'पिछली बार जैसा ही।',
    },
    ne: {
      improved: `पछिल्लो पटकको तुलनामा: ${points} अंकले कम, यो सुधार हो।`,
      worsened: `पछिल्लो पटकको तुलनामा: ${points} अंकले बढी।`,
      stable: 'पछिल्लो पटक जस्तै।',
    },
  };
  return ` ${texts[lang][trend.direction]}`;
}

/** `Tele-MANAS 14416 (24x7), Emergency 112 (24x7)`. */
export function formatHelplines(helplines: readonly Helpline[]): string {
  return helplines.map((h) => `${h.name} ${h.phone}${h.hours ? ` (${h.hours})` : ''}`).join(', ');
}

/** The student's result: band, score, trend, next steps, and that this is a screening, not a diagnosis. */
export function assessmentResultText(
  instrument: Instrument,
  score: number,
  severity: Severity,
  trend: AssessmentTrend | null,
  helplines: readonly Helpline[],
): LocalizedText {
  const name = INSTRUMENT_NAME[instrument];
  const per = (lang: Lang, title: string): NotificationText => ({
    title,
    body: `${NEXT_STEPS[lang][stepKey(severity)].replace('{helplines}', formatHelplines(helplines))}${trendText(lang, trend)} ${NOT_A_DIAGNOSIS[lang]}`,
  });
  return localized({
    en: per('en', `Your ${name} result: ${SEVERITY.en[severity]} (${score} of ${MAX[instrument]})`),
    hi: per('hi', `आपका ${name} परिणाम: ${SEVERITY.hi[severity]} (${MAX[instrument]} में से ${score})`),
    ne: per('ne', `तपाईंको ${name} नतिजा: ${SEVERITY.ne[severity]} (${MAX[instrument]} मध्ये ${score})`),
  });
}

/**
 * The caring message after PHQ-9 item 9 above 0: warm, with the helplines of the student's country, the
 * emergency number when the country has one, and an offer to book a counselor.
 */
export function item9CareText(helplines: readonly Helpline[]): LocalizedText {
  const lines = formatHelplines(helplines.filter((h) => !h.emergency));
  const emergency = helplines.filter((h) => h.emergency).map((h) => h.phone).join(' / ');
  const en = `Thank you for answering honestly. Some of your answers tell us you may be going through a very hard time, and you do not have to face it alone. You can talk to someone right now: ${lines}.${emergency ? ` If you are in immediate danger, call ${emergency}.` : ''} A counselor from your institution can also meet you: tap to book a session.`;
  const hi = `ईमानदारी से जवाब देने के लिए धन्यवाद। आपके कुछ जवाब बताते हैं कि शायद आप बहुत कठिन समय से गुज़र रहे हैं, और आपको इसका सामना अकेले नहीं करना है। आप अभी किसी से बात कर सकते हैं: ${lines}।${emergency ? ` अगर आप तुरंत खतरे में हैं, तो ${emergency} पर कॉल करें।` : ''} आपके संस्थान के काउंसलर भी आपसे मिल सकते हैं: सेशन बुक करने के लिए टैप करें।`;
  const ne = `इमानदारीपूर्वक जवाफ दिनुभएकोमा धन्यवाद। तपाईंका केही जवाफले तपाईं निकै कठिन समयबाट गुज्रिरहनुभएको हुन सक्ने देखाउँछन्, र तपाईंले यो एक्लै सामना गर्नुपर्दैन। तपाईं अहिले नै कसैसँग कुरा गर्न सक्नुहुन्छ: ${lines}।${emergency ? ` तत्काल खतरामा हुनुहुन्छ भने ${emergency} मा फोन गर्नुहोस्।` : ''} तपाईंको संस्थाका काउन्सेलरसँग पनि भेट्न सक्नुहुन्छ: सत्र बुक गर्न ट्याप गर्नुहोस्।`;
  return localized({
    en: { title: 'We are here for you', body: en },
    hi: { title: 'हम आपके साथ हैं', body: hi },
    ne: { title: 'हामी तपाईंसँग छौं', body: ne },
  });
}

export function checkinReminderText(): LocalizedText {
  return localized({
    en: { title: 'Time for your check-in', body: 'How are you feeling today? A quick check-in takes less than a minute.' },
    hi: { title: 'चेक-इन का समय', body: 'आज आप कैसा महसूस कर रहे हैं? एक छोटा चेक-इन एक मिनट से भी कम लेता है।' },
    ne: { title: 'चेक-इनको समय', body: 'आज तपाईंलाई कस्तो महसुस भइरहेको छ? छोटो चेक-इनमा एक मिनेटभन्दा कम लाग्छ।' },
  });
}

/** A task reminder; the task's title is the student's own words, sent only to the student. */
export function taskReminderText(taskTitle: string): LocalizedText {
  return localized({
    en: { title: 'Task reminder', body: `${taskTitle}: a small step for today.` },
    hi: { title: 'काम की याद', body: `${taskTitle}: आज के लिए एक छोटा कदम।` },
    ne: { title: 'कामको सम्झना', body: `${taskTitle}: आजका लागि एउटा सानो कदम।` },
  });
}

export function streakNudgeText(days: number): LocalizedText {
  return localized({
    en: { title: 'Keep your streak going', body: `You have checked in ${days} days in a row. A quick entry today keeps it going, no pressure.` },
    hi: { title: 'अपनी लय बनाए रखें', body: `आपने लगातार ${days} दिन चेक-इन किया है। आज एक छोटी एंट्री इसे जारी रखेगी, कोई दबाव नहीं।` },
    ne: { title: 'आफ्नो लय कायम राख्नुहोस्', body: `तपाईंले लगातार ${days} दिन चेक-इन गर्नुभएको छ। आज एउटा छोटो इन्ट्रीले यसलाई जारी राख्छ, कुनै दबाब छैन।` },
  });
}

export interface CounselorSummary {
  openRisk: { moderate: number; high: number; imminent: number };
  bookings: { confirmed: number; requested: number };
}

/** The counselor's morning summary: counts only, never a student's name or words. */
export function counselorSummaryText(s: CounselorSummary): LocalizedText {
  const r = s.openRisk;
  const b = s.bookings;
  return localized({
    en: {
      title: 'Good morning: today\'s summary',
      body: `Open risk alerts: ${r.imminent} imminent, ${r.high} high, ${r.moderate} moderate. Today's sessions: ${b.confirmed} confirmed, ${b.requested} awaiting your reply.`,
    },
    hi: {
      title: 'सुप्रभात: आज का सारांश',
      body: `खुले जोखिम अलर्ट: ${r.imminent} अत्यावश्यक, ${r.high} उच्च, ${r.moderate} मध्यम। आज के सेशन: ${b.confirmed} पक्के, ${b.requested} आपके जवाब की प्रतीक्षा में।`,
    },
    ne: {
      title: 'शुभ प्रभात: आजको सारांश',
      body: `खुला जोखिम सूचना: ${r.imminent} अत्यावश्यक, ${r.high} उच्च, ${r.moderate} मध्यम। आजका सत्र: ${b.confirmed} पक्का, ${b.requested} तपाईंको जवाफको प्रतीक्षामा।`,
    },
  });
}

export interface WeeklyReflection {
  /** Days of the last 7 with a well-being record. */
  daysActive: number;
  /** Average well-being score over those days; null when none. */
  averageScore: number | null;
  streak: number;
}

export function weeklyReflectionText(w: WeeklyReflection): LocalizedText {
  const avg = (lang: Lang) =>
    w.averageScore === null
      ? ''
      : { en: `, with an average well-being score of ${w.averageScore}`, hi: `, औसत वेल-बीइंग स्कोर ${w.averageScore} रहा`, ne: `, औसत वेल-बिइङ स्कोर ${w.averageScore} रह्यो` }[lang];
  return localized({
    en: {
      title: 'Your week in review',
      body: `You checked in on ${w.daysActive} of the last 7 days${avg('en')}. Current streak: ${w.streak} days. What is one thing that helped you this week?`,
    },
    hi: {
      title: 'आपका सप्ताह',
      body: `पिछले 7 में से ${w.daysActive} दिन आपने चेक-इन किया${avg('hi')}। मौजूदा लय: ${w.streak} दिन। इस हफ़्ते किस एक चीज़ ने आपकी मदद की?`,
    },
    ne: {
      title: 'तपाईंको हप्ता',
      body: `पछिल्ला 7 मध्ये ${w.daysActive} दिन तपाईंले चेक-इन गर्नुभयो${avg('ne')}। हालको लय: ${w.streak} दिन। यो हप्ता तपाईंलाई कुन एउटा कुराले मद्दत गर्‍यो?`,
    },
  });
}
