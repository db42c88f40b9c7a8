/**
 * Bestie's deterministic local replies, used when the model is not (offline, no key, over budget) or fails:
 * a short listener reply chosen by a hash of the message id (so a re-run picks the same one), a warmer one
 * that suggests a counselor for `moderate` messages, and the slow-down reply for a student past the chat
 * rate limit. English, Hindi and Nepali. Pure.
 */
import { createHash } from 'node:crypto';
import type { ContentLanguage, RiskLevel } from '../model/schemas';

const LISTENER: Record<ContentLanguage, readonly string[]> = {
  en: [
    "Thank you for sharing that with me. I'm listening. What feels hardest right now?",
    'That sounds like a lot to carry. Would you like to tell me more about it?',
    "I hear you. It's okay to take this one small step at a time. What would help a little right now?",
    "I'm glad you're talking about it. How long have you been feeling this way?",
  ],
  hi: [
    'यह मुझसे साझा करने के लिए धन्यवाद। मैं सुन रहा हूँ। अभी सबसे मुश्किल क्या लग रहा है?',
    'यह बहुत भारी लगता है। क्या आप मुझे इसके बारे में और बताना चाहेंगे?',
    'मैं समझ रहा हूँ। एक-एक छोटा कदम लेना ठीक है। अभी थोड़ी मदद किस चीज़ से मिलेगी?',
    'अच्छा है कि आप इसके बारे में बात कर रहे हैं। आप कब से ऐसा महसूस कर रहे हैं?',
  ],
  ne: [
    'यो मसँग बाँड्नुभएकोमा धन्यवाद। म सुनिरहेको छु। अहिले सबैभन्दा गाह्रो के लागिरहेको छ?',
    'यो धेरै भारी जस्तो लाग्छ। यसबारे अझै भन्न चाहनुहुन्छ?',
    'म बुझ्दैछु। एक-एक सानो कदम चाल्नु ठीक हो। अहिले केले अलिकति सहयोग गर्ला?',
    'तपाईं यसबारे कुरा गर्दै हुनुहुन्छ, यो राम्रो हो। कहिलेदेखि यस्तो महसुस भइरहेको छ?',
  ],
};

const SUPPORTIVE: Record<ContentLanguage, string> = {
  en: "I'm sorry you're going through this; you deserve support. Talking to a counselor can really help, and you can book one in the app. I'm here to listen too. What's been weighing on you most?",
  hi: 'मुझे दुख है कि आप इससे गुज़र रहे हैं; आप सहारे के हक़दार हैं। किसी काउंसलर से बात करना सच में मदद कर सकता है, और आप ऐप में समय बुक कर सकते हैं। मैं भी सुनने के लिए यहाँ हूँ। आपको सबसे ज़्यादा क्या परेशान कर रहा है?',
  ne: 'तपाईं यसबाट गुज्रनु परेकोमा मलाई दुःख लाग्यो; तपाईं सहयोगको हकदार हुनुहुन्छ। काउन्सेलरसँग कुरा गर्दा साँच्चै मद्दत हुन सक्छ, र तपाईं एपमा समय बुक गर्न सक्नुहुन्छ। म पनि सुन्न यहीँ छु। तपाईंलाई सबैभन्दा बढी केले सताइरहेको छ?',
};

const SLOW_DOWN: Record<ContentLanguage, string> = {
  en: "You're sending messages faster than I can keep up with. Let's take a short pause; I'll be right here in a few minutes. If you're not safe, please call a helpline or your local emergency number now.",
  hi: 'आप इतनी तेज़ी से संदेश भेज रहे हैं कि मैं साथ नहीं दे पा रहा। चलिए थोड़ा रुकते हैं; कुछ मिनट में मैं यहीं हूँ। अगर आप सुरक्षित नहीं हैं, तो कृपया अभी किसी हेल्पलाइन या आपातकालीन नंबर पर कॉल करें।',
  ne: 'तपाईंले यति छिटो सन्देश पठाउँदै हुनुहुन्छ कि म साथ दिन सकिरहेको छैन। अलिकति रोकौं; केही मिनेटमा म यहीँ हुनेछु। यदि तपाईं सुरक्षित हुनुहुन्न भने, कृपया अहिले नै हेल्पलाइन वा आपतकालीन नम्बरमा फोन गर्नुहोस्।',
};

function pick<T>(items: readonly T[], seed: string): T {
  const index = createHash('sha256').update(seed).digest().readUInt32BE(0) % items.length;
  const item = items[index] ?? items[0];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** The local listener reply to a message (`seed`: the message id) at a level below `high`. */
export function localListenerReply(language: ContentLanguage, level: RiskLevel, seed: string): string {
  if (level === 'moderate') return SUPPORTIVE[language];
  return pick(LISTENER[language], seed);
}

export function slowDownReply(language: ContentLanguage): string {
  return SLOW_DOWN[language];
}
