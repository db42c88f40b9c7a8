/**
 * Bestie's crisis reply: a fixed template (no model, no network) that follows safe-messaging practice. It
 * thanks the student for telling, says they are not alone, asks them to get help now if they may act or are
 * unsafe, lists the helplines for their country from config/app (emergency number first), says a counselor
 * was alerted when one was, points to their safety plan, and invites them to keep talking. It never mentions
 * methods, never promises secrecy, never judges. English, Hindi and Nepali. Pure.
 * When the student writes about someone else in danger (a friend's goodbye, a roommate who took something),
 * the reply speaks to them as the helper: get help for the other person now, stay with them if it is safe,
 * take it seriously and do not keep it secret, the same helplines, a counselor will reach out to them, and how
 * are they doing themselves.
 */
import type { AppConfig, ContentLanguage, Helpline, RiskEventLevel } from '../model/schemas';

/** Country whose helplines are used when the org names none (India first). */
export const DEFAULT_COUNTRY = 'IN';

interface CrisisTexts {
  opening: string;
  /** `{number}` is the emergency number. */
  urgentWithNumber: string;
  urgentWithoutNumber: string;
  helplinesIntro: string;
  noHelplines: string;
  hours: (hours: string) => string;
  counselorAlerted: string;
  safetyPlan: string;
  closing: string;
}

const TEXTS: Record<ContentLanguage, CrisisTexts> = {
  en: {
    opening: "I'm really glad you told me. What you're feeling matters, and you don't have to go through this alone.",
    urgentWithNumber: "If you might act on these thoughts or you're not safe right now, please call {number} now, or ask someone near you to stay with you.",
    urgentWithoutNumber: "If you might act on these thoughts or you're not safe right now, please go to the nearest hospital or ask someone near you to stay with you.",
    helplinesIntro: 'You can talk to someone trained, free, at any time:',
    noHelplines: 'Please reach out to a local helpline or someone you trust today.',
    hours: (h) => ` (${h})`,
    counselorAlerted: 'A counselor from your institution has been told and will reach out to you.',
    safetyPlan: "Your safety plan is in the app under Safety plan: the steps and people you chose are there. If you haven't made one yet, we can make it together.",
    closing: "I'm here with you. Would you like to tell me what's happening right now?",
  },
  hi: {
    opening: 'मुझे सच में खुशी है कि आपने मुझे बताया। आप जो महसूस कर रहे हैं वह मायने रखता है, और आपको इससे अकेले नहीं गुज़रना है।',
    urgentWithNumber: 'अगर आपको लगता है कि आप इन विचारों पर अमल कर सकते हैं या आप अभी सुरक्षित नहीं हैं, तो कृपया अभी {number} पर कॉल करें, या अपने पास किसी से अपने साथ रहने को कहें।',
    urgentWithoutNumber: 'अगर आपको लगता है कि आप इन विचारों पर अमल कर सकते हैं या आप अभी सुरक्षित नहीं हैं, तो कृपया नज़दीकी अस्पताल जाएँ, या अपने पास किसी से अपने साथ रहने को कहें।',
    helplinesIntro: 'आप किसी भी समय, मुफ़्त में, किसी प्रशिक्षित व्यक्ति से बात कर सकते हैं:',
    noHelplines: 'कृपया आज ही किसी हेल्पलाइन या किसी भरोसेमंद व्यक्ति से संपर्क करें।',
    hours: (h) => ` (${h})`,
    counselorAlerted: 'आपके संस्थान के एक काउंसलर को बता दिया गया है और वे आपसे संपर्क करेंगे।',
    safetyPlan: 'आपकी सुरक्षा योजना ऐप में "Safety plan" में है: उसमें आपके चुने हुए कदम और लोग हैं। अगर आपने अभी तक नहीं बनाई है, तो हम साथ मिलकर बना सकते हैं।',
    closing: 'मैं आपके साथ हूँ। क्या आप बताना चाहेंगे कि अभी क्या हो रहा है?',
  },
  ne: {
    opening: 'तपाईंले मलाई भन्नुभएकोमा म साँच्चै खुसी छु। तपाईंले जे महसुस गरिरहनुभएको छ त्यो महत्त्वपूर्ण छ, र तपाईंले यो एक्लै भोग्नु पर्दैन।',
    urgentWithNumber: 'यदि तपाईंलाई यी विचारमा काम गर्न सक्छु जस्तो लाग्छ वा तपाईं अहिले सुरक्षित हुनुहुन्न भने, कृपया अहिले नै {number} मा फोन गर्नुहोस्, वा नजिकैको कसैलाई तपाईंसँगै बस्न भन्नुहोस्।',
    urgentWithoutNumber: 'यदि तपाईंलाई यी विचारमा काम गर्न सक्छु जस्तो लाग्छ वा तपाईं अहिले सुरक्षित हुनुहुन्न भने, कृपया नजिकैको अस्पताल जानुहोस्, वा नजिकैको कसैलाई तपाईंसँगै बस्न भन्नुहोस्।',
    helplinesIntro: 'तपाईं जुनसुकै बेला, निःशुल्क, तालिम प्राप्त व्यक्तिसँग कुरा गर्न सक्नुहुन्छ:',
    noHelplines: 'कृपया आजै कुनै हेल्पलाइन वा भरोसाको मान्छेलाई सम्पर्क गर्नुहोस्।',
    hours: (h) => ` (${h})`,
    counselorAlerted: 'तपाईंको संस्थाका एक काउन्सेलरलाई जानकारी दिइएको छ र उहाँले तपाईंलाई सम्पर्क गर्नुहुनेछ।',
    safetyPlan: 'तपाईंको सुरक्षा योजना एपको "Safety plan" मा छ: त्यसमा तपाईंले छानेका उपाय र मानिसहरू छन्। यदि तपाईंले अहिलेसम्म बनाउनुभएको छैन भने, हामी सँगै बनाउन सक्छौं।',
    closing: 'म तपाईंसँगै छु। अहिले के भइरहेको छ, मलाई बताउन चाहनुहुन्छ?',
  },
};

/** The same reply for a student who writes about someone else at risk: they are the helper. */
const OTHER_TEXTS: Record<ContentLanguage, CrisisTexts> = {
  en: {
    opening: "Thank you for telling me and for looking out for them. This is a lot to carry, and you don't have to handle it alone.",
    urgentWithNumber: 'If they might act on it or are not safe right now, please call {number} now and, if it is safe for you, stay with them or ask someone nearby to.',
    urgentWithoutNumber: 'If they might act on it or are not safe right now, please help them get to the nearest hospital and, if it is safe for you, stay with them or ask someone nearby to.',
    helplinesIntro: 'They, or you, can talk to someone trained, free, at any time:',
    noHelplines: 'Please help them reach a local helpline or someone they trust today.',
    hours: (h) => ` (${h})`,
    counselorAlerted: 'A counselor from your institution has been told and will reach out to you, so you can work out together how to help.',
    safetyPlan: "Take what they said seriously, listen without judging, and don't promise to keep it to yourself: getting them help is being a good friend.",
    closing: "I'm here for you too. How are you holding up?",
  },
  hi: {
    opening: 'मुझे बताने और उनका ख़याल रखने के लिए शुक्रिया। यह बहुत भारी बात है, और आपको इसे अकेले नहीं संभालना है।',
    urgentWithNumber: 'अगर वे ऐसा कुछ कर सकते हैं या अभी सुरक्षित नहीं हैं, तो कृपया अभी {number} पर कॉल करें और, अगर आपके लिए सुरक्षित हो, तो उनके साथ रहें या पास के किसी व्यक्ति से रहने को कहें।',
    urgentWithoutNumber: 'अगर वे ऐसा कुछ कर सकते हैं या अभी सुरक्षित नहीं हैं, तो कृपया उन्हें नज़दीकी अस्पताल पहुँचाने में मदद करें और, अगर आपके लिए सुरक्षित हो, तो उनके साथ रहें या पास के किसी व्यक्ति से रहने को कहें।',
    helplinesIntro: 'वे, या आप, किसी भी समय, मुफ़्त में, किसी प्रशिक्षित व्यक्ति से बात कर सकते हैं:',
    noHelplines: 'कृपया आज ही किसी हेल्पलाइन या उनके किसी भरोसेमंद व्यक्ति तक पहुँचने में उनकी मदद करें।',
    hours: (h) => ` (${h})`,
    counselorAlerted: 'आपके संस्थान के एक काउंसलर को बता दिया गया है और वे आपसे संपर्क करेंगे, ताकि आप मिलकर तय कर सकें कि मदद कैसे करें।',
    safetyPlan: 'उनकी बात को गंभीरता से लें, बिना जज किए सुनें, और इसे अपने तक रखने का वादा न करें: उन्हें मदद दिलाना ही सच्ची दोस्ती है।',
    closing: 'मैं आपके लिए भी यहाँ हूँ। आप ख़ुद कैसा महसूस कर रहे हैं?',
  },
  ne: {
    opening: 'मलाई भन्नुभएकोमा र उहाँको ख्याल राख्नुभएकोमा धन्यवाद। यो धेरै गह्रौं कुरा हो, र तपाईंले यो एक्लै सम्हाल्नु पर्दैन।',
    urgentWithNumber: 'यदि उहाँले केही गर्न सक्नुहुन्छ वा अहिले सुरक्षित हुनुहुन्न भने, कृपया अहिले नै {number} मा फोन गर्नुहोस् र, तपाईंका लागि सुरक्षित भए, उहाँसँगै बस्नुहोस् वा नजिकैको कसैलाई बस्न भन्नुहोस्।',
    urgentWithoutNumber: 'यदि उहाँले केही गर्न सक्नुहुन्छ वा अहिले सुरक्षित हुनुहुन्न भने, कृपया उहाँलाई नजिकैको अस्पताल पुर्‍याउन मद्दत गर्नुहोस् र, तपाईंका लागि सुरक्षित भए, उहाँसँगै बस्नुहोस् वा नजिकैको कसैलाई बस्न भन्नुहोस्।',
    helplinesIntro: 'उहाँ, वा तपाईं, जुनसुकै बेला, निःशुल्क, तालिम प्राप्त व्यक्तिसँग कुरा गर्न सक्नुहुन्छ:',
    noHelplines: 'कृपया आजै कुनै हेल्पलाइन वा उहाँको भरोसाको मान्छेसम्म पुग्न उहाँलाई मद्दत गर्नुहोस्।',
    hours: (h) => ` (${h})`,
    counselorAlerted: 'तपाईंको संस्थाका एक काउन्सेलरलाई जानकारी दिइएको छ र उहाँले तपाईंलाई सम्पर्क गर्नुहुनेछ, ताकि मद्दत कसरी गर्ने भनेर सँगै सोच्न सकियोस्।',
    safetyPlan: 'उहाँको कुरालाई गम्भीरतापूर्वक लिनुहोस्, नजाँची सुन्नुहोस्, र यो आफैंसँग मात्र राख्ने वाचा नगर्नुहोस्: उहाँलाई मद्दत दिलाउनु नै साँचो साथी हुनु हो।',
    closing: 'म तपाईंका लागि पनि यहाँ छु। तपाईं आफैं कस्तो हुनुहुन्छ?',
  },
};

/** The helplines for a country from config/app, falling back to the default country's. */
export function helplinesFor(helplines: AppConfig['helplines'], country: string | undefined): Helpline[] {
  return helplines[country ?? DEFAULT_COUNTRY] ?? helplines[DEFAULT_COUNTRY] ?? [];
}

export interface CrisisReplyInput {
  language: ContentLanguage;
  level: RiskEventLevel;
  helplines: readonly Helpline[];
  /** A riskEvent was created, so counselors of the org are being alerted. */
  counselorAlerted: boolean;
  /** Whose danger the message is about: the student's own (the default) or someone else's. */
  about?: 'self' | 'other';
}

export function crisisReply(input: CrisisReplyInput): string {
  const t = (input.about === 'other' ? OTHER_TEXTS : TEXTS)[input.language];
  const emergency = input.helplines.find((h) => h.emergency === true);
  const support = input.helplines.filter((h) => h.emergency !== true);
  const urgent = emergency ? t.urgentWithNumber.replace('{number}', emergency.phone) : t.urgentWithoutNumber;
  const list = support.map((h) => `• ${h.name}: ${h.phone}${h.hours !== undefined ? t.hours(h.hours) : ''}`);
  const helplineBlock = list.length > 0 ? [t.helplinesIntro, ...list].join('\n') : t.noHelplines;
  const firstLines = input.level === 'imminent' ? [urgent, t.opening] : [t.opening, urgent];
  return [...firstLines, helplineBlock, ...(input.counselorAlerted ? [t.counselorAlerted] : []), t.safetyPlan, t.closing].join('\n\n');
}
