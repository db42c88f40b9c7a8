/**
 * The texts of booking notifications, in English, Hindi and Nepali (other languages get English): one per
 * step, recipient side and whether the recipient took the step. Session times are written in the recipient's
 * timezone and language. The counselor is named by display name, the student only by their pseudonym. Pure.
 */
import type { Language } from '../../model/schemas';
import type { Actor, Side } from './machine';

export type BookingStep = 'requested' | 'confirmed' | 'rejected' | 'rescheduled' | 'cancelled' | 'expired';

export interface MessageVars {
  /** The counselor's display name. */
  counselor: string;
  /** The student's pseudonym. */
  alias: string;
  /** Session start, formatted for the recipient. */
  time: string;
  /** Start before a reschedule, formatted for the recipient (reschedule only). */
  oldTime: string;
}

type Lang = 'en' | 'hi' | 'ne';
type Template = Record<Lang, { title: string; body: string }>;

/** `self`: the recipient took the step; `other`: the other side (or the system) did. */
type Who = 'self' | 'other';

const T: Record<BookingStep, Record<Side, Partial<Record<Who, Template>>>> = {
  requested: {
    student: {
      self: {
        en: { title: 'Booking request sent', body: 'We asked {counselor} for a session on {time}. You will hear back soon.' },
        hi: { title: 'बुकिंग अनुरोध भेजा गया', body: 'हमने {counselor} से {time} के सत्र के लिए पूछा है। जल्द ही जवाब मिलेगा।' },
        ne: { title: 'बुकिङ अनुरोध पठाइयो', body: 'हामीले {counselor} सँग {time} को सत्रका लागि सोधेका छौँ। छिट्टै जवाफ आउनेछ।' },
      },
    },
    counselor: {
      other: {
        en: { title: 'New booking request', body: '{alias} asked for a session on {time}. Please accept, reject or propose another time.' },
        hi: { title: 'नया बुकिंग अनुरोध', body: '{alias} ने {time} के सत्र का अनुरोध किया है। कृपया स्वीकार करें, अस्वीकार करें या दूसरा समय सुझाएँ।' },
        ne: { title: 'नयाँ बुकिङ अनुरोध', body: '{alias} ले {time} को सत्र मागेका छन्। कृपया स्वीकार, अस्वीकार वा अर्को समय प्रस्ताव गर्नुहोस्।' },
      },
    },
  },
  confirmed: {
    student: {
      self: {
        en: { title: 'Session confirmed', body: 'Your session with {counselor} on {time} is confirmed. A chat with them is open.' },
        hi: { title: 'सत्र की पुष्टि हुई', body: '{counselor} के साथ {time} का आपका सत्र पक्का है। उनके साथ चैट खुली है।' },
        ne: { title: 'सत्र पक्का भयो', body: '{counselor} सँग {time} को तपाईंको सत्र पक्का भयो। उहाँसँग च्याट खुला छ।' },
      },
      other: {
        en: { title: 'Session confirmed', body: '{counselor} confirmed your session on {time}. A chat with them is open.' },
        hi: { title: 'सत्र की पुष्टि हुई', body: '{counselor} ने {time} का आपका सत्र पक्का किया। उनके साथ चैट खुली है।' },
        ne: { title: 'सत्र पक्का भयो', body: '{counselor} ले {time} को तपाईंको सत्र पक्का गर्नुभयो। उहाँसँग च्याट खुला छ।' },
      },
    },
    counselor: {
      self: {
        en: { title: 'Session confirmed', body: 'Your session with {alias} on {time} is confirmed.' },
        hi: { title: 'सत्र की पुष्टि हुई', body: '{alias} के साथ {time} का आपका सत्र पक्का है।' },
        ne: { title: 'सत्र पक्का भयो', body: '{alias} सँग {time} को तपाईंको सत्र पक्का भयो।' },
      },
      other: {
        en: { title: 'New time accepted', body: '{alias} accepted the session on {time}.' },
        hi: { title: 'नया समय स्वीकार हुआ', body: '{alias} ने {time} का सत्र स्वीकार किया।' },
        ne: { title: 'नयाँ समय स्वीकार भयो', body: '{alias} ले {time} को सत्र स्वीकार गर्नुभयो।' },
      },
    },
  },
  rejected: {
    student: {
      self: {
        en: { title: 'New time declined', body: 'You declined the session on {time}. You can book another time whenever you like.' },
        hi: { title: 'नया समय अस्वीकार किया', body: 'आपने {time} का सत्र अस्वीकार किया। आप कभी भी दूसरा समय बुक कर सकते हैं।' },
        ne: { title: 'नयाँ समय अस्वीकार गरियो', body: 'तपाईंले {time} को सत्र अस्वीकार गर्नुभयो। जुनसुकै बेला अर्को समय बुक गर्न सक्नुहुन्छ।' },
      },
      other: {
        en: { title: 'Booking not accepted', body: '{counselor} cannot take the session on {time}. Please choose another time.' },
        hi: { title: 'बुकिंग स्वीकार नहीं हुई', body: '{counselor} {time} का सत्र नहीं ले पाएँगे। कृपया दूसरा समय चुनें।' },
        ne: { title: 'बुकिङ स्वीकार भएन', body: '{counselor} ले {time} को सत्र लिन सक्नुहुन्न। कृपया अर्को समय छान्नुहोस्।' },
      },
    },
    counselor: {
      self: {
        en: { title: 'Request declined', body: 'You declined the request of {alias} for {time}. The slot is open again.' },
        hi: { title: 'अनुरोध अस्वीकार किया', body: 'आपने {time} के लिए {alias} का अनुरोध अस्वीकार किया। स्लॉट फिर से खुला है।' },
        ne: { title: 'अनुरोध अस्वीकार गरियो', body: 'तपाईंले {time} का लागि {alias} को अनुरोध अस्वीकार गर्नुभयो। स्लट फेरि खुला छ।' },
      },
      other: {
        en: { title: 'New time declined', body: '{alias} declined the session on {time}. The slot is open again.' },
        hi: { title: 'नया समय अस्वीकार हुआ', body: '{alias} ने {time} का सत्र अस्वीकार किया। स्लॉट फिर से खुला है।' },
        ne: { title: 'नयाँ समय अस्वीकार भयो', body: '{alias} ले {time} को सत्र अस्वीकार गर्नुभयो। स्लट फेरि खुला छ।' },
      },
    },
  },
  rescheduled: {
    student: {
      other: {
        en: { title: 'New time proposed', body: '{counselor} proposed {time} instead of {oldTime}. Please accept or decline it.' },
        hi: { title: 'नया समय सुझाया गया', body: '{counselor} ने {oldTime} की जगह {time} सुझाया है। कृपया स्वीकार या अस्वीकार करें।' },
        ne: { title: 'नयाँ समय प्रस्ताव गरियो', body: '{counselor} ले {oldTime} को सट्टा {time} प्रस्ताव गर्नुभयो। कृपया स्वीकार वा अस्वीकार गर्नुहोस्।' },
      },
    },
    counselor: {
      self: {
        en: { title: 'New time proposed', body: 'You proposed {time} to {alias}. We will tell you when they answer.' },
        hi: { title: 'नया समय सुझाया', body: 'आपने {alias} को {time} सुझाया। जवाब आने पर हम आपको बताएँगे।' },
        ne: { title: 'नयाँ समय प्रस्ताव गरियो', body: 'तपाईंले {alias} लाई {time} प्रस्ताव गर्नुभयो। जवाब आएपछि हामी जानकारी दिनेछौँ।' },
      },
    },
  },
  cancelled: {
    student: {
      self: {
        en: { title: 'Booking cancelled', body: 'You cancelled your session on {time}. You can book again whenever you like.' },
        hi: { title: 'बुकिंग रद्द हुई', body: 'आपने {time} का अपना सत्र रद्द किया। आप कभी भी फिर से बुक कर सकते हैं।' },
        ne: { title: 'बुकिङ रद्द भयो', body: 'तपाईंले {time} को आफ्नो सत्र रद्द गर्नुभयो। जुनसुकै बेला फेरि बुक गर्न सक्नुहुन्छ।' },
      },
      other: {
        en: { title: 'Session cancelled', body: '{counselor} had to cancel your session on {time}. Please choose another time.' },
        hi: { title: 'सत्र रद्द हुआ', body: '{counselor} को {time} का आपका सत्र रद्द करना पड़ा। कृपया दूसरा समय चुनें।' },
        ne: { title: 'सत्र रद्द भयो', body: '{counselor} ले {time} को तपाईंको सत्र रद्द गर्नुपर्‍यो। कृपया अर्को समय छान्नुहोस्।' },
      },
    },
    counselor: {
      self: {
        en: { title: 'Session cancelled', body: 'You cancelled the session with {alias} on {time}. The slot is open again.' },
        hi: { title: 'सत्र रद्द हुआ', body: 'आपने {alias} के साथ {time} का सत्र रद्द किया। स्लॉट फिर से खुला है।' },
        ne: { title: 'सत्र रद्द भयो', body: 'तपाईंले {alias} सँग {time} को सत्र रद्द गर्नुभयो। स्लट फेरि खुला छ।' },
      },
      other: {
        en: { title: 'Session cancelled', body: '{alias} cancelled the session on {time}. The slot is open again.' },
        hi: { title: 'सत्र रद्द हुआ', body: '{alias} ने {time} का सत्र रद्द किया। स्लॉट फिर से खुला है।' },
        ne: { title: 'सत्र रद्द भयो', body: '{alias} ले {time} को सत्र रद्द गर्नुभयो। स्लट फेरि खुला छ।' },
      },
    },
  },
  expired: {
    student: {
      other: {
        en: { title: 'Booking request expired', body: 'Your booking with {counselor} for {time} was not confirmed in time, so the slot was released. Please choose another time.' },
        hi: { title: 'बुकिंग अनुरोध की समय-सीमा समाप्त', body: '{counselor} के साथ {time} की आपकी बुकिंग समय पर पक्की नहीं हुई, इसलिए स्लॉट छोड़ दिया गया। कृपया दूसरा समय चुनें।' },
        ne: { title: 'बुकिङ अनुरोधको म्याद सकियो', body: '{counselor} सँग {time} को तपाईंको बुकिङ समयमै पक्का भएन, त्यसैले स्लट खुला गरियो। कृपया अर्को समय छान्नुहोस्।' },
      },
    },
    counselor: {
      other: {
        en: { title: 'Booking request expired', body: 'The booking of {alias} for {time} expired without an answer. The slot is open again.' },
        hi: { title: 'बुकिंग अनुरोध की समय-सीमा समाप्त', body: '{time} के लिए {alias} की बुकिंग बिना जवाब के समाप्त हो गई। स्लॉट फिर से खुला है।' },
        ne: { title: 'बुकिङ अनुरोधको म्याद सकियो', body: '{time} का लागि {alias} को बुकिङ जवाफ बिना सकियो। स्लट फेरि खुला छ।' },
      },
    },
  },
};

const LOCALES: Record<Lang, string> = { en: 'en-IN', hi: 'hi-IN', ne: 'ne-NP' };

function langOf(language: Language): Lang {
  return language === 'hi' || language === 'ne' ? language : 'en';
}

/** The session time in the recipient's language and timezone, e.g. "5 May 2025, 4:00 pm". */
export function formatSessionTime(ms: number, language: Language, timezone: string): string {
  return new Intl.DateTimeFormat(LOCALES[langOf(language)], { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

function fill(template: string, vars: MessageVars): string {
  return template.replace(/\{(counselor|alias|time|oldTime)\}/g, (_, key: keyof MessageVars) => vars[key]);
}

/** The notification for one recipient of one step; `null` when that side is not told about it. */
export function bookingMessage(step: BookingStep, recipient: Side, actor: Actor, language: Language, vars: MessageVars): { title: string; body: string } | null {
  const template = T[step][recipient][actor === recipient ? 'self' : 'other'];
  if (!template) return null;
  const text = template[langOf(language)];
  return { title: fill(text.title, vars), body: fill(text.body, vars) };
}
