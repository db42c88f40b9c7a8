/**
 * The local stack's demo data, as plain values (no I/O): one Indian institution, its staff accounts, counselor
 * profiles, open slots in the coming days, multilingual resources and the app config with helplines.
 * `seed.ts` writes it; every document is checked against its model schema on the way in.
 */
import { DEFAULT_ESCALATION_POLICY, DEFAULT_FEATURE_FLAGS, DEFAULT_RATE_LIMITS, type Helpline } from '../src/model/schemas';
import type { Counselor, Language } from '../src/model/schemas';
import { addDays, localDay, parseTimeOfDay, zonedTimeToInstant } from '../src/notify/zoned-time';
import type { Role } from '../src/platform/roles';

export const DEMO_ORG_ID = 'demo-org';
export const DEMO_TIMEZONE = 'Asia/Kolkata';
/** Every seeded staff account signs in with this password (local emulators only). */
export const DEMO_PASSWORD = 'manmitra-demo';

export interface DemoAccount {
  uid: string;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
}

export const DEMO_ACCOUNTS = {
  admin: { uid: 'demo-admin', email: 'admin@demo.manmitra.test', displayName: 'Demo Admin', role: 'admin', language: 'en' },
  counselorAsha: { uid: 'demo-counselor-asha', email: 'asha@demo.manmitra.test', displayName: 'Dr. Asha Kulkarni', role: 'counselor', language: 'en' },
  counselorRavi: { uid: 'demo-counselor-ravi', email: 'ravi@demo.manmitra.test', displayName: 'Ravi Sharma', role: 'counselor', language: 'hi' },
  volunteer: { uid: 'demo-volunteer', email: 'volunteer@demo.manmitra.test', displayName: 'Peer Volunteer', role: 'volunteer', language: 'ne' },
} as const satisfies Record<string, DemoAccount>;

export const DEMO_ORG = {
  name: 'Demo Institute of Technology, Pune',
  country: 'IN',
  timezone: DEMO_TIMEZONE,
  onCall: [DEMO_ACCOUNTS.counselorAsha.uid, DEMO_ACCOUNTS.counselorRavi.uid],
};

export interface DemoCounselor {
  uid: string;
  profile: Omit<Counselor, 'photoPath' | 'updatedAt'>;
  /** Local start times of the open slots each coming day. */
  times: string[];
}

export const DEMO_COUNSELORS: DemoCounselor[] = [
  {
    uid: DEMO_ACCOUNTS.counselorAsha.uid,
    profile: {
      displayName: DEMO_ACCOUNTS.counselorAsha.displayName,
      languages: ['en', 'hi', 'mr'],
      specialties: ['anxiety', 'academic stress', 'sleep'],
      bio: 'Clinical psychologist. Ten years with college students on exam stress, anxiety and sleep.',
      orgId: DEMO_ORG_ID,
      active: true,
    },
    times: ['10:00', '11:30', '15:00'],
  },
  {
    uid: DEMO_ACCOUNTS.counselorRavi.uid,
    profile: {
      displayName: DEMO_ACCOUNTS.counselorRavi.displayName,
      languages: ['hi', 'en', 'ne'],
      specialties: ['relationships', 'homesickness', 'low mood'],
      bio: 'Counselor for first-year and hostel students; works in Hindi, English and Nepali.',
      orgId: DEMO_ORG_ID,
      active: true,
    },
    times: ['12:00', '16:00', '17:30'],
  },
];

export const SLOT_MINUTES = 45;
export const SLOT_DAYS = 3;

export interface PlannedSlot {
  /** Deterministic id (`yyyy-mm-ddThhmm` local), so seeding twice creates nothing new. */
  id: string;
  start: number;
  end: number;
}

/** Open slots on the `days` local days after `now`'s local day, at the given local times. Pure. */
export function planSlots(now: number, times: readonly string[], timeZone = DEMO_TIMEZONE, days = SLOT_DAYS): PlannedSlot[] {
  const today = localDay(now, timeZone);
  const out: PlannedSlot[] = [];
  for (let i = 1; i <= days; i += 1) {
    const day = addDays(today, i);
    for (const time of times) {
      const start = zonedTimeToInstant(day, parseTimeOfDay(time), timeZone);
      out.push({ id: `${day}T${time.replace(':', '')}`, start, end: start + SLOT_MINUTES * 60_000 });
    }
  }
  return out;
}

export const DEMO_HELPLINES: Record<string, Helpline[]> = {
  IN: [
    { name: 'Tele-MANAS', phone: '14416', hours: '24x7', languages: ['en', 'hi', 'mr', 'bn', 'ta', 'te'] },
    { name: 'Tele-MANAS (toll-free)', phone: '1-800-891-4416', hours: '24x7', languages: ['en', 'hi'] },
    { name: 'Emergency', phone: '112', hours: '24x7', emergency: true },
  ],
  NP: [{ name: 'Mental health helpline (TPO Nepal)', phone: '1166', hours: '24x7', languages: ['ne', 'en'] }],
};

export const DEMO_APP_CONFIG = {
  flags: DEFAULT_FEATURE_FLAGS,
  helplines: DEMO_HELPLINES,
  escalation: DEFAULT_ESCALATION_POLICY,
  analytics: { minCellSize: 11 },
  rateLimits: DEFAULT_RATE_LIMITS,
  modelBudget: { dailyCallsPerOrg: 2000 },
  booking: { holdMinutes: 120, cancelCutoffMinutes: 120 },
};

export const DEMO_RESOURCES = [
  {
    id: 'box-breathing',
    type: 'exercise',
    category: 'anxiety',
    tags: ['breathing', 'panic', 'calm'],
    url: null,
    title: { en: 'Box breathing in four steps', hi: 'चार चरणों में बॉक्स ब्रीदिंग', ne: 'चार चरणमा बक्स ब्रिदिङ' },
    body: {
      en: 'Breathe in for 4 counts, hold for 4, breathe out for 4, hold for 4. Repeat four times. It slows your heart rate when exams or crowds feel like too much.',
      hi: '4 गिनती तक साँस लें, 4 तक रोकें, 4 तक छोड़ें, 4 तक रोकें। चार बार दोहराएँ। जब परीक्षा या भीड़ भारी लगे, यह दिल की धड़कन को धीमा करता है।',
      ne: '४ गन्तीसम्म सास लिनुहोस्, ४ सम्म रोक्नुहोस्, ४ सम्म छोड्नुहोस्, ४ सम्म रोक्नुहोस्। चार पटक दोहोर्याउनुहोस्। परीक्षा वा भीडले धेरै भारी लाग्दा यसले मुटुको गति ढिलो बनाउँछ।',
    },
  },
  {
    id: 'exam-stress',
    type: 'article',
    category: 'exams',
    tags: ['exams', 'study', 'stress'],
    url: null,
    title: { en: 'When exams feel overwhelming', hi: 'जब परीक्षा का दबाव बहुत लगे', ne: 'जब परीक्षाको दबाब धेरै लाग्छ' },
    body: {
      en: 'Split revision into 25-minute blocks with short breaks, sleep at least seven hours, and talk to someone you trust. One bad paper does not decide your future.',
      hi: 'पढ़ाई को 25 मिनट के हिस्सों में बाँटें और बीच में छोटा आराम लें, कम से कम सात घंटे सोएँ, और किसी भरोसेमंद व्यक्ति से बात करें। एक खराब पेपर आपका भविष्य तय नहीं करता।',
      ne: 'पढाइलाई २५ मिनेटका भागमा बाँड्नुहोस् र बीचमा छोटो आराम लिनुहोस्, कम्तीमा सात घण्टा सुत्नुहोस्, र भरोसा लाग्ने कसैसँग कुरा गर्नुहोस्। एउटा नराम्रो परीक्षाले तपाईंको भविष्य तय गर्दैन।',
    },
  },
  {
    id: 'sleep-basics',
    type: 'article',
    category: 'sleep',
    tags: ['sleep', 'hostel', 'routine'],
    url: null,
    title: { en: 'Sleep basics for hostel life', hi: 'हॉस्टल जीवन में अच्छी नींद', ne: 'होस्टल जीवनमा राम्रो निद्रा' },
    body: {
      en: 'Keep the same wake-up time every day, put the phone away 30 minutes before bed, and avoid tea or coffee after 4 pm.',
      hi: 'हर दिन एक ही समय पर उठें, सोने से 30 मिनट पहले फ़ोन दूर रखें, और शाम 4 बजे के बाद चाय या कॉफ़ी न लें।',
      ne: 'हरेक दिन एउटै समयमा उठ्नुहोस्, सुत्नुभन्दा ३० मिनेट अघि फोन टाढा राख्नुहोस्, र बेलुका ४ बजेपछि चिया वा कफी नपिउनुहोस्।',
    },
  },
  {
    id: 'helplines-india-nepal',
    type: 'helpline',
    category: 'crisis',
    tags: ['helpline', 'crisis', 'tele-manas'],
    url: 'https://telemanas.mohfw.gov.in',
    title: { en: 'Talk to someone now', hi: 'अभी किसी से बात करें', ne: 'अहिले नै कसैसँग कुरा गर्नुहोस्' },
    body: {
      en: 'India: Tele-MANAS 14416 or 1-800-891-4416 (free, 24x7). Emergency: 112. Nepal: 1166.',
      hi: 'भारत: टेली-मानस 14416 या 1-800-891-4416 (निःशुल्क, 24x7)। आपातकाल: 112। नेपाल: 1166।',
      ne: 'भारत: टेली-मानस 14416 वा 1-800-891-4416 (निःशुल्क, २४x७)। आपतकाल: 112। नेपाल: 1166।',
    },
  },
] as const;
