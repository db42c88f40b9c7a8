/**
 * The caring private message a forum author gets when their post or comment signals danger: warm, no
 * judgement, says what they wrote waits for a moderator, names the helplines of their country (at most three, the
 * emergency number first) and points to the safety plan. English, Hindi and Nepali; fits a notification
 * (title ≤ 200, body ≤ 1000 characters). Pure.
 */
import type { ContentLanguage, Helpline } from '../../model/schemas';

interface CareTexts {
  title: string;
  opening: string;
  counselor: string;
  helplines: string;
  noHelplines: string;
  safetyPlan: string;
}

const TEXTS: Record<ContentLanguage, CareTexts> = {
  en: {
    title: 'We are here for you',
    opening: 'What you wrote sounded like you may be going through something very hard. Thank you for sharing it. You do not have to face this alone. What you wrote is waiting for a moderator for now.',
    counselor: 'A counselor from your institution has been told and will reach out to you.',
    helplines: 'You can talk to someone trained, free, right now:',
    noHelplines: 'Please reach out to a local helpline or someone you trust today.',
    safetyPlan: 'Your safety plan is in the app whenever you need it.',
  },
  hi: {
    title: 'हम आपके साथ हैं',
    opening: 'आपने जो लिखा, उससे लगा कि आप शायद बहुत मुश्किल समय से गुज़र रहे हैं। बताने के लिए धन्यवाद। आपको इसका सामना अकेले नहीं करना है। अभी आपका लिखा हुआ मॉडरेटर की समीक्षा की प्रतीक्षा में है।',
    counselor: 'आपके संस्थान के एक काउंसलर को बता दिया गया है और वे आपसे संपर्क करेंगे।',
    helplines: 'आप अभी, मुफ़्त में, किसी प्रशिक्षित व्यक्ति से बात कर सकते हैं:',
    noHelplines: 'कृपया आज ही किसी हेल्पलाइन या किसी भरोसेमंद व्यक्ति से संपर्क करें।',
    safetyPlan: 'आपकी सुरक्षा योजना ऐप में है, जब भी आपको ज़रूरत हो।',
  },
  ne: {
    title: 'हामी तपाईंसँग छौं',
    opening: 'तपाईंले लेख्नुभएको कुराबाट तपाईं धेरै कठिन समयबाट गुज्रिरहनुभएको हुन सक्छ जस्तो लाग्यो। सुनाउनुभएकोमा धन्यवाद। तपाईंले यो एक्लै सामना गर्नु पर्दैन। अहिलेलाई तपाईंको लेखाइ मोडरेटरको समीक्षामा छ।',
    counselor: 'तपाईंको संस्थाका एक काउन्सेलरलाई जानकारी दिइएको छ र उहाँले तपाईंलाई सम्पर्क गर्नुहुनेछ।',
    helplines: 'तपाईं अहिले नै, निःशुल्क, तालिम प्राप्त व्यक्तिसँग कुरा गर्न सक्नुहुन्छ:',
    noHelplines: 'कृपया आजै कुनै हेल्पलाइन वा भरोसाको मान्छेलाई सम्पर्क गर्नुहोस्।',
    safetyPlan: 'तपाईंको सुरक्षा योजना एपमा छ, जुनसुकै बेला।',
  },
};

/** Most helplines listed (a notification is short). */
const MAX_HELPLINES = 3;

export function careMessage(input: { language: ContentLanguage; helplines: readonly Helpline[]; counselorAlerted: boolean }): { title: string; body: string } {
  const t = TEXTS[input.language];
  const ordered = [...input.helplines.filter((h) => h.emergency === true), ...input.helplines.filter((h) => h.emergency !== true)].slice(0, MAX_HELPLINES);
  const lines = ordered.map((h) => `• ${h.name}: ${h.phone}`);
  const helplineBlock = lines.length > 0 ? [t.helplines, ...lines].join('\n') : t.noHelplines;
  const body = [t.opening, ...(input.counselorAlerted ? [t.counselor] : []), helplineBlock, t.safetyPlan].join('\n\n');
  return { title: t.title, body: body.length <= 1000 ? body : `${body.slice(0, 999)}…` };
}
