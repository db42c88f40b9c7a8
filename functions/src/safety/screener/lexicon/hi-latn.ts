/**
 * Hinglish lexicon: Hindi written in Latin letters, with the spelling variants students type (marna/marnaa,
 * khudkushi/khudkhushi, aatmhatya/atmahatya, chahta/chahti). English words mixed in (suicide, pills, blade)
 * are matched by the English lexicon too. Negators inside or just after a phrase (marna nahi chahta,
 * suicide karunga? nahi) are found by the scope rules; phrases that carry their own negation are flagged `n`.
 * See rules.ts for flags.
 */
import { frame, rule, type LexiconPart } from '../rules';

const x = String.raw;

/** Wanting: chahta/chahti/chahte and their future forms. */
const WANT = x`(?:chahta|chahti|chahte|chahata|chahati|chahtha|chaahta|chaahti|chahta|chahunga|chahungi|chahti thi|chahta tha)`;
/** Dying: marna, marne, mar jaana, mar jaun… (not "mar gaya", which is nearly always hyperbole). */
const DIE = x`(?:marna|marnaa|marne|maarna|maru|marun|maroon|mar (?:jaun|jau|jaaun|jaoon|jaau|jaana|jana|jaane|jane|jaunga|jaungi|jaaunga|jaaungi|jaye|jaaye|jaoon))`;
/** "feels like / wants to": mann karta hai, dil kar raha, mann kr rha h. */
const FEELS = x`(?:karta|karti|karte|krta|krti|kar raha|kar rahi|kr raha|kr rahi|kar rha|kar rhi|kr rha|kr rhi|hota|ho raha|ho rha|hai|h|he)`;
const SUICIDE = x`(?:suicide|sucide|suiside|sewerslide|khudkushi|khudkhushi|khud kushi|khudkusi|khudkhusi|aatmhatya|atmahatya|aatmahatya|atmhatya|aatmhathya|atmahathya|aatmahathya)`;
const SELF = x`(?:khud ko|khudko|khud hi ko|apne aap ko|apne aapko|apneaap ko|apneap ko|apne ap ko|khud)`;
/** Future or wished forms of "do / take / put": kar lunga, kar dungi, le lu, daal dunga… */
const WILL = x`(?:(?:kar|kr|le|de|daal|dal|maar) )?(?:lunga|lungi|loonga|loongi|lu|lun|loon|dunga|dungi|doonga|doongi|du|doon|dalunga|dalungi|daalunga|daalungi|dalu|daalu|karunga|karungi|karoonga|karu|karun|karoon|lena|dena|leta|leti|lega|legi|lenge)`;
const PILLS = x`(?:goliyan|goliyaan|goliya|golia|goli|golian|tablets?|pills?|dawai|dawaiyan|dawa|medicine|neend ki goliyan|neend ki goli|neend ki dawai)`;
const MANY = x`(?:\d{2,}|[89]|bahut|bahot|bohot|bhot|saari|sari|saare|sare|sab|poori|puri|pura|poora|ek saath|dher saari|dher|zyada|jyada|kaafi|kafi|das|bees|tees|pachas)`;
const POISON = x`(?:zeher|zehar|jeher|jahar|zahar|jehar|vish|poison|chuhe (?:maarne|marne) (?:wali|ki) (?:dawai|dawa|goli)|keetnashak|kitnashak|pesticide|rat kill|phenyl|acid|tezaab|bleach|harpic|kerosene|mitti ka tel)`;
const HANG = x`(?:fansi|phansi|faansi|phaansi|fanssi|phasi|fasi|fanda|phanda|fandaa)`;
const HIGH = x`(?:chhat|chat|chhath|terrace|roof|chhat|building|bridge|pul|balcony|khidki|upar|pahad|pahaad|floor|manzil)`;
const VEHICLE = x`(?:train|metro|truck|bus|gaadi|gadi|railway track|patri|patriyon)`;
/** Ways of dying named in Hinglish. */
const METHOD = x`(?:${HANG} (?:laga|lagaa|lga|lagana|lagaana|lagane|laga ke|lagakar|lagaunga|lagaungi|lagaoon|lagau|lagaun|lagaa lunga|laga lunga|laga lungi|laga lu|kha|kha lunga|kha lungi|ka)|(?:pankhe|pankha|fan|chhat|ceiling) se (?:\S+ )?latak(?:na|ne|ke|kar|unga|ungi|u|un|oon| jaunga| jaungi| jaun| jau| jaana| jaane)?|latak (?:jaunga|jaungi|jaun|jau|jaana|jaane|ke mar)|${HIGH} se (?:\S+ )?(?:kood|kud|koodna|kudna|koodne|kudne|chhalang|chalang|jump)|${VEHICLE} (?:ke )?(?:aage|neeche|niche|samne|saamne) (?:\S+ )?(?:kood|kud|aa|aaja|lait|let|lete|jump|chhalang)|${POISON} (?:kha|khaa|pee|pi|pe|peena|pina|khana|khaane|khane|peene|pine)|(?:nas|nass|nasen|nase|kalai|kalaai) (?:\S+ )?(?:kaat|kat|kaatna|katna|kaatne|katne|kaatunga|kaatungi)|${MANY} (?:\S+ )?${PILLS} (?:kha|khaa|khana|khane|khaane|nigal|le)|overdose|nadi mein kood|kuen mein kood|samundar mein kood|jal (?:ke|kar) mar|aag laga)`;

/** Generalisation: infinitives of ways of dying, and the endings that make them an intent. */
const GEN_METHOD_INF = x`(?:koodne|kudne|koodna|kudna|chhalang lagane|chalang lagane|jump karne|latakne|latkne|lataknay|jhoolne|jhulne|${HANG} (?:lagane|lgane|lagaane)|(?:${POISON}|${PILLS}) (?:\S+ )?(?:khane|khaane|peene|pine|nigalne)|(?:nas|nass|nasen|kalai) (?:katne|kaatne)|train (?:ke )?(?:aage|neeche|niche|samne) (?:aane|kudne|koodne))`;
const GEN_GOING = x`(?:ja (?:raha|rahi|rha|rhi|rahe)|jaa (?:raha|rahi|rha|rhi)|wala|wali|waala|waali|vala|vali|chala (?:hu|hoon)|chali (?:hu|hoon)|nikla (?:hu|hoon)|nikli (?:hu|hoon)|(?:ka|ki) (?:plan|irada|iraada|faisla|soch liya)|(?:ka|ki) (?:\S+ )?(?:mann|man|dil) (?:hai|h|kar raha|kar rahi|karta|karti))`;

export const HI_LATN: LexiconPart = {
  lang: 'hi-Latn',
  rules: {
    risk: [
      // ---- acts under way ----------------------------------------------------------------------------
      rule('act', x`(?:${MANY}|\d+) (?:\S+ ){0,2}${PILLS} (?:kha|khaa|khai|nigal|nigli|le|li|pi) (?:li|liya|lee|lia|liye|gaya|gayi|gaye|chuka|chuki|di|li hai|li hain|liya hai)`, 'c'),
      rule('act', x`${POISON} (?:pi|pee|kha|khaa|le) (?:liya|li|lia|lee|chuka|chuki)`),
      rule('act', x`(?:nas|nass|nasen|nase|kalai|kalaai) (?:\S+ )?(?:kaat|kat) (?:li|liya|lee|lia|di|diya|chuka|chuki|dali|daali)`),
      rule('act', x`(?:main|mai|me|abhi)? ?(?:${HIGH}|railway track|patri|track) (?:pe|par|pr|ke upar|ke kinare|ke edge) (?:\S+ )?(?:khada|khadi|khade|baitha|baithi|hu|hoon|hun|pahunch gaya|pahunch gayi)`, 'c'),
      rule('act', x`(?:${HANG}|rassi|dupatta|chunni) (?:\S+ )?(?:gale mein|gale me|gale pe) (?:\S+ )?(?:hai|daal|dal|bandh|laga)`),
      rule('act', x`(?:kood|kud) (?:raha|rahi|jaunga|jaungi|rha|rhi) (?:hu |hoon )?(?:abhi|ab|bas)|(?:abhi|bas) (?:kood|kud) (?:raha|rahi|jaunga|jaungi)`),
      rule('actIf', x`khoon (?:\S+ )?(?:band nahi|ruk nahi|nahi ruk|nahi band|bahut beh|beh raha)|(?:gehra|bahut gehra) (?:kaat|kat|cut)`, 'n'),

      // ---- plans, means, method search --------------------------------------------------------------
      rule('planStrong', x`${SUICIDE} note|(?:aakhri|akhri|antim) (?:chitthi|letter|khat)|(?:marne|suicide|khudkushi|aatmhatya) ka (?:plan|irada) (?:ready|taiyaar|taiyar|bana liya|ban gaya|pakka)`),
      rule('plan', x`(?:tarika|tareeka|tareeqa|plan|din|date|jagah|waqt|time) (?:soch|tay|tai|decide|fix|chun|select) (?:liya|li|kar liya|kar li|ho gaya|ho gayi|hai)|(?:decide|faisla|faisala|tay|tai) (?:kar liya|kar li|ho gaya|hai|kiya)|sab (?:tay|tai|ready|taiyaar|taiyar|plan) (?:hai|ho gaya)|(?:ab )?koi (?:wapsi|peeche hatna) nahi`, 'n'),
      rule('meansStrong', x`(?:rassi|rassa|rope|dupatta|chunni|${HANG}) (?:\S+ ){0,2}(?:kharid|khareed|le aaya|le aayi|le aai|la liya|la li|leke aaya|bandh liya|baandh liya|bandh li|baandh li|taiyaar|taiyar|ready|rakh li|rakh liya|tayyar|laga liya|laga di)`, 'c'),
      rule('meansStrong', x`${PILLS} (?:\S+ )?(?:jama|ikattha|ikatha|ikkatha|collect|save|bacha|chhupa|chupa) (?:kar |kr )?(?:li|liya|rakhi|rakha|rakhe|rakhi hain|li hain|ki hain)`),
      rule('meansLethal', x`${POISON} (?:\S+ ){0,2}(?:mere paas|kharid|khareed|le aaya|le aayi|la liya|la li|rakh|chhupa|chupa|hai mere paas)|(?:mere paas|kharid|khareed|le aaya|le aayi) (?:\S+ ){0,2}${POISON}`, 'c'),
      rule('means', x`(?:blade|razor|chaaku|chaku|chhuri|churi|${PILLS}) (?:\S+ ){0,2}(?:kharid|khareed|le aaya|le aayi|mere paas|rakh li|rakh liya|chhupa|chupa)`, 'c'),
      rule('seek', x`(?:marne|suicide|khudkushi|aatmhatya|atmahatya|mar jaane|marne ke) (?:ka|ke|ki) (?:sabse |koi |sab se )?(?:aasan|asan|aasaan|easy|painless|bina dard|bina dard wala|tez|jaldi|pakka|best|sahi|accha|achha)? ?(?:tarika|tareeka|tareeqa|tarike|tareke|upay|way|method)|(?:kitni|kitne) (?:\S+ ){0,2}${PILLS} (?:\S+ ){0,3}(?:mar|maut|marne|jaan)|(?:${HANG}|zeher|zehar|nas|nass) (?:\S+ )?kaise (?:\S+ )?(?:lagate|lagaye|lagaen|lagau|lagaun|lagta|lagti|kaate|kaatein|kaatu|pite|peete|khate|banate|banaye|milta|milega)|kaise (?:mare|marein|marun|maru|mar sakte|mar jaye|suicide kare|suicide karu|suicide karein|khudkushi kare|${HANG} lagaye|${HANG} lagate)|(?:kahan|kaha) (?:se |milega |milta )?(?:\S+ )?(?:${POISON}|zeher|bandook)`),

      // ---- method with intent, thoughts, bare method --------------------------------------------------
      rule(['intent', 'method'], x`${METHOD} (?:\S+ )?(?:lunga|lungi|lu|lun|loon|dunga|dungi|jaunga|jaungi|jaun|jau|chahta|chahti|chahte|wala|wali|waala|waali|lega|legi|lenge|jayega|jayegi|jaega|jaegi|dega|degi)`, 'H'),
      rule(['intent', 'method'], x`${METHOD}(?: \S+)? (?:ka|ki|ke) (?:mann|man|dil|irada|plan|soch)`, 'H'),
      rule('method', METHOD),

      // ---- attempts -----------------------------------------------------------------------------------
      rule('attempt', x`(?:${SUICIDE}|marne|${SELF} (?:maarne|marne|khatam karne)) (?:ki|ka) koshish (?:ki|kiya|kari|karke|kar chuka|kar chuki)`),

      // ---- intent --------------------------------------------------------------------------------------
      rule('intent', x`${DIE} (?:\S+ ){0,2}${WANT}`, 'H'),
      rule('intent', x`${DIE} (?:ka|ko|ki) (?:\S+ )?(?:mann|man|mn|dil|icha|ichha|iccha|khwahish) (?:\S+ )?${FEELS}`, 'H'),
      rule('intent', x`(?:mann|man|mn|dil) (?:\S+ )?${FEELS} (?:hai |h |he )?(?:ki |ke )?(?:bas )?(?:${DIE}|mar jaaun|mar jaun|mar jau|${SUICIDE} kar (?:lu|lun|loon)|khud ko khatam kar (?:lu|lun|loon|du))`, 'H'),
      rule('intent', x`${SUICIDE} (?:karne|krne|karna) (?:ka|ki|ko) (?:\S+ )?(?:mann|man|mn|dil|icha|ichha|iccha|irada|iraada|plan|faisla)`, 'H'),
      rule('intent', x`(?:mujhe|muje|mujhko|mjhe|ab) (?:bas |sach mein |ab |bhi )?${DIE} (?:hai|h|he|hain)`, 'H'),
      rule('intent', x`${SUICIDE} (?:\S+ ){0,2}(?:kar|kr|karne|karna) ?(?:lunga|lungi|loonga|lu|lun|loon|lega|legi|wala|wali|waala|waali|chahta|chahti|hai|hi|dunga|dungi)|${SUICIDE} (?:karunga|karungi|karoonga|karu|karun|karoon|krunga|krungi)`),
      rule('intent', x`${SELF} (?:khatam|khtm|khatm|maar|mar|goli maar|mita|mitaa|nuksan|nuksaan) ${WILL}`, 'H'),
      rule('intent', x`${SELF} (?:maarna|marna|khatam karna|mitana|maar dena|khatam kar dena) (?:\S+ )?${WANT}`, 'H'),
      rule('intent', x`apni (?:jaan|zindagi|jindagi|life) (?:le|de|khatam kar|khatm kar|khatam) ${WILL}|(?:sab|sabkuch|sab kuch|zindagi|jindagi|life|kahani|kissa|khel) (?:\S+ )?(?:khatam|khtm|khatm|khtam|end) (?:kar|kr) ?(?:dunga|dungi|doonga|du|doon|dena|lunga|lungi|lu|deta|deti)|kaam khatam(?= ?(?:[.,?"]|$| aaj| abhi| kal))`, 'H'),
      rule('intent', x`(?:ab )?(?:main )?(?:jaa|ja) (?:raha|rahi) (?:hu|hoon) (?:hamesha|humesha) ke liye|(?:ab )?(?:main )?(?:nahi|nahin) (?:rahunga|rahungi|bachunga|bachungi)(?= ?(?:[.,?"]|$| kal| aaj| jab| is| iss))`, 'n'),

      // ---- suicidal thoughts ------------------------------------------------------------------------
      rule('thoughts', x`(?:${SUICIDE}|marne|maut|mrityu|${SELF} (?:khatam karne|maarne|marne)) (?:ke|ka|ki|ko) (?:\S+ )?(?:khayal|khayaal|khyal|khyaal|khayalat|vichar|vichaar|thoughts?|sochta|sochti|soch raha|soch rahi|soch|baare mein soch|sapne)`),
      rule('thoughts', x`(?:suicidal|suicidal feel|suicidal lag)`),
      rule('thoughts', x`(?:lagta|lgta) (?:hai|h) (?:\S+ )?(?:mar jaun|mar jau|mar jaana|khatam kar lu|${SUICIDE} kar lu)`),

      // ---- passive wishes -----------------------------------------------------------------------------
      rule('passive', x`(?:kaash|kash|kaas) (?:\S+ ){0,3}(?:mar (?:jaata|jata|jaati|jati|jaaun|jaun|jau|jaye|jaaye|gaya hota|gayi hoti|chuka hota)|paida (?:hi )?(?:na|nahi) (?:hota|hoti|hua|hui)|(?:zinda|jinda) (?:na|nahi) (?:hota|hoti)|hota hi nahi|hoti hi nahi)`, 'n'),
      rule('passive', x`(?:jeena|jina|jeene|jine|zinda rehna|jinda rehna|zinda rehne|jee) (?:\S+ )?(?:nahi|nhi|nahin|nai|na) (?:\S+ )?(?:chahta|chahti|chahte|hai|hota|h|sakta|sakti|sakte|paa raha|pa raha|paa rahi|pa rahi)`, 'n'),
      rule('passive', x`(?:jeene|jine|zinda rehne|jeena|jina) (?:ka|ki|ko|ke) (?:koi |ab |bhi )?(?:matlab|mtlb|wajah|vajah|reason|iccha|ichha|mann|man|umeed|ummeed|maksad|point) (?:\S+ )?(?:nahi|nhi|nahin|nai|na|khatam)`, 'n'),
      rule('passive', x`(?:zindagi|jindagi|jeene|life) se (?:thak|tang|pareshan|haar) (?:\S+ )?(?:gaya|gayi|gaye|chuka|chuki|hu|hoon)|(?:zindagi|jindagi) (?:bekaar|bekar|bojh|saza|sazaa) (?:hai|lagti|ho gayi|ban gayi)`),
      rule('passive', x`so (?:jaun|jau|jaaun|jaau|jaoon|jaunga|jaungi|jaana|jana|jaye) (?:\S+ ){0,2}(?:kabhi |fir |phir |dobara )?(?:na|nahi|naa|nhi) (?:uthu|uthun|uthoon|uthna|uthunga|uthungi|utthu|jaagu|jaagun|jagu|uthe|uthe kabhi)|(?:hamesha|humesha) ke liye so (?:jaun|jau|jaana|jaunga|jaungi|jaaun)|neend (?:se )?kabhi na (?:khule|toote|tute)`, 'n'),
      rule('passive', x`(?:bhagwan|bhagvan|god|upar wale|uparwale|rab|allah|ishwar|ram ji|bhagwaan) (?:please |plz |pls |ab )?(?:mujhe|muje|mujhko) (?:utha le|uthale|utha lo|bula le|bula lo|apne paas bula|maut de|maar de|le ja)|(?:mujhe|muje) (?:maut|mout) (?:aa jaye|aa jaaye|aajaye|kyun nahi aati|de do)|(?:koi|please|plz) (?:mujhe|muje) (?:maar do|maar de|maar dalo|khatam kar do)`, 'n'),
      rule('passive', x`(?:mar|mar jaana|marna|mar jana) (?:hi )?(?:behtar|better|accha|achha|theek|thik) (?:hai|hoga|rahega|h)|(?:main|mai) (?:mar|na) (?:jaun|jau|rahu|rahun) (?:to|toh) (?:sab|sabke|sabka|sabko) (?:\S+ )?(?:accha|achha|behtar|better|khush|theek)`, 'n'),

      // ---- burden, goodbye, giving things away ---------------------------------------------------------
      rule('burden', x`(?:main|mai|me)? ?(?:sab(?:ke|ki|ko|ka)?|ghar walon|gharwalon|family|mummy papa|maa baap|parents) (?:ke |par |pe |ke liye |ke upar )?(?:ek )?(?:bojh|boj|bojha|burden) (?:hu|hoon|hun|ban|ban gaya|ban gayi|hi hu|h)|(?:main|mai) (?:ek |bas |sirf )?(?:bojh|boj|bojha|burden) (?:hu|hoon|hun|ban)`, 's'),
      rule('burden', x`mere (?:bina|jaane ke baad|jane ke baad|na hone se|na rehne se) (?:\S+ ){0,2}(?:sab|sabhi|ghar wale|gharwale|family|mummy papa|log|duniya) (?:\S+ ){0,2}(?:khush|behtar|better|accha|achha|sukhi|theek|thik|azaad)`, 's'),
      rule('burden', x`(?:kisi|koi) ko (?:bhi )?(?:farak|fark|fark nahi|farq) (?:nahi |nhi )?(?:padega|padta|pdega) (?:agar|jab) (?:main|mai) (?:mar|chala|chali|na rahu)|(?:koi|kisi ko) (?:\S+ )?(?:yaad nahi karega|miss nahi karega)`, 'sn'),
      rule('goodbye', x`(?:sabko|sab ko|sabhi ko|doston|dosto|duniya|duniya ko|mummy papa) (?:\S+ )?(?:alvida|alwida|goodbye|bye bye hamesha)|(?:alvida|alwida) (?:doston|dosto|sabko|duniya|hamesha ke liye|forever|sab)|(?:mera|meri|ye|yeh) (?:\S+ )?(?:aakhri|akhri|antim|last) (?:message|msg|baat|post|shabd|chitthi|din|raat|alvida)(?! (?:hai |h )?(?:\S+ )?(?:office|college|school|internship|job|kaam|hostel|class|ghar|yaha|yahan|trip|exam))|(?:mujhe )?maaf kar (?:dena|do|dijiye) (?:\S+ ){0,2}(?:jo main karne|jo karne|jo kar raha|mere jaane|sab ke liye)|(?:shayad )?(?:kal|aage) (?:\S+ )?(?:nahi|nahin) (?:milunga|milungi|dikhunga|dikhungi|rahunga|rahungi)`, 'sn'),
      rule('givingAway', x`(?:meri|mera|mere) (?:saari |sari |sab |sabhi |saare |sare )?(?:cheezein|cheeze|chizein|chize|cheezon|saman|samaan|kitaben|kitabein|books|phone|laptop|kapde|guitar) (?:\S+ ){0,4}(?:de dena|de dijiye|rakh lena|le lena|dedena)`, 'sc'),
      rule('givingAway', x`(?:ab )?(?:mujhe )?(?:inki|iski|unki|kisi cheez ki|kisi ki) (?:ab )?(?:zarurat|zaroorat|jarurat|jaroorat|zaroorat) (?:nahi|nhi|nahin) (?:padegi|rahegi|hai|hogi|rahi)?`, 'snc'),

      // ---- self-harm ------------------------------------------------------------------------------------
      rule('selfHarm', x`${SELF} (?:hurt|harm|nuksan|nuksaan|nuqsaan|chot|zakhmi|takleef|kaat|kaatna|kaatne|jala|jalana|jalane|maarna|maarti|maarta) (?:\S+ ){0,2}(?:karta|karti|karte|kar raha|kar rahi|karunga|karungi|pahunchata|pahunchati|pahuncha|pahunchana|deta|deti|leta|leti|lagi|laga|raha|rahi|chahta|chahti|ka mann|ki ichha|lena|dena|karna|pahunchaunga|pahunchaungi|pahunchata hu|pahuncha leta|pahuncha leti)`),
      rule('selfHarm', x`(?:blade|razor|chaaku|chaku|chhuri|churi|compass|kaanch|kanch) (?:se|ke saath) (?:\S+ ){0,2}(?:kaat|kat|kaatna|katna|kaatne|katne|ghaav|zakhm|nishan)|(?:haath|hath|kalai|kalaai|baazu|bazu|jaangh|pair|arm|wrist) (?:pe|par|pr|mein|me) (?:\S+ ){0,2}(?:blade|kaat|kat|cut|zakhm|ghaav|kaatne|katne|nishan)|(?:phir se|fir se|firse|dobara) (?:\S+ )?(?:cut|kaat|kat|kaatne|self harm)`),

      // ---- strengthening pass (tuned on labelled sets A and B) ----------------------------------------
      rule('intent', x`hamesha ke liye so (?:jaunga|jaungi|jaun|jau|jaana|jana|jaaunga|jaaungi)|so (?:jaunga|jaungi|jaun|jau|jaaunga|jaaungi) hamesha ke liye|(?:main|mai)? ?(?:nahi|nhi|nai) (?:rahunga|rahungi|rahoonga|rahoongi|bachunga|bachungi)(?= ?(?:[.,?"]|$| kal| aaj| subah| ab))`, 'n'),
      rule('means', x`${PILLS} (?:kha|khaa|nigal) (?:ke|kar|kr|kar ke)|${POISON} (?:pee|pi|kha) (?:ke|kar|kr)`),
      rule('meansStrong', x`(?:rassi|rasi|fanda|phanda|dupatta|chunni) (?:\S+ ){0,2}(?:pankhe|pankha|fan|ceiling|chhat|hook) (?:pe|par|pr|se|me|mein) (?:\S+ )?(?:baandh|bandh|laga|latka|tang) (?:di|diya|li|liya|dia|lia|chuka|chuki|rakhi|rakha|di hai|diya hai|li hai)|(?:pankhe|pankha|fan|ceiling) (?:pe|par|pr|se) (?:\S+ )?(?:rassi|rasi|fanda|phanda|dupatta) (?:\S+ )?(?:baandh|bandh|laga|latka|tang) (?:di|diya|li|liya|dia|lia|chuka|chuki|rakhi|rakha)`),
      rule('passive', x`mar (?:jaun|jau|jaaun|jaoon|jaye|jaaye|jaata|jaati|jata|jati|gaya|gayi) (?:to|toh|tho) (?:achha|acha|accha|achchha|behtar|better|theek|thik|sahi) (?:hai|hoga|ho|h|rahega)`),
      rule('burden', x`(?:sabko|sab ko|sabka|sabki|ghar walo ko|gharwalon ko|family ko|mummy papa ko) (?:mere se|mujhse|mujh se|meri wajah se) (?:chhutkara|chutkara|chhutkaara|chutkaara|mukti|peecha chhoot\S*)(?: mil)?(?: (?:jayega|jaayega|jaega|jaegi|milega))?`, 's'),
      rule('seek', x`(?:kaunsi|konsi|kaun si|kon si|kaunse|konse|kis) (?:\S+ )?(?:${PILLS}|${POISON}|dawai|dawa) (?:se|khane se|peene se) (?:\S+ )?(?:mar|maut|marte|mara)`, 's'),
      rule('plan', x`(?:sab|sabkuch|sab kuch|poora|pura) (?:plan|tay|tai|tayyar|ready|decide) (?:ho gaya|ho gayi|kar liya|kar li|hai)`),
      rule('passive', x`(?:zinda|jinda|zindaa|jindaa) (?:nahi|nhi|nai|nahin) (?:rehna|rahna|rehena)(?: (?:hai|h|chahta|chahti|chahte))?`, 'n'),
      rule('burden', x`(?:sab|sabki|sabka|sabko|sabhi|ghar walo ki|family ki|sabki life|sabki zindagi)(?: \S+){0,3} (?:better|behtar|achhi|acchi|khush|aasan|easy) (?:\S+ ){0,2}mere (?:bina|jaane ke baad)|mere (?:bina|jaane ke baad) (?:\S+ ){0,3}(?:better|behtar|achhi|acchi|khush|aasan|easy)`, 's'),
      rule('intent', x`${SELF} (?:maar|mar) (?:dalna|daalna|dalne|daalne|dalu|daalu|dalunga|daalunga|dalungi|daalungi|dena|doon|dunga|dungi)`, 'H'),
      rule('seek', x`(?:marne|mrne|maut|suicide|khudkushi|atmahatya) (?:ka|ke|ki) (?:tarika|tareeka|tareeqa|tarike|upay|way|tarkeeb)`, 's'),
      rule('seek', x`(?:aasaan|aasan|asan|easy|painless|accha|achha|best|sahi|tez) (?:\S+ )?(?:tarika|tareeka|tareeqa|way) (?:\S+ ){0,3}(?:khud ko|apne aap ko|${SELF}) (?:khatam|maarne|marne|mitane)|(?:khud ko|apne aap ko) (?:khatam|maarne|mitane) (?:karne )?(?:ka|ke|ki) (?:\S+ )?(?:tarika|tareeka|tareeqa|way|upay)`, 's'),
      rule('act', x`${MANY} (?:\S+ ){0,2}${PILLS} (?:kha|khaa|nigal) (?:raha|rahi|rha|rhi) (?:hu|hoon|hun|h)`),
      rule('intent', x`mar (?:chuka|chuki|gaya|gayi) (?:hounga|hoonga|hunga|hungi|hoongi|houngi)`, 'n'),
      rule('passive', x`mar (?:jaun|jau|jaaun|jaoon|jaye) (?:aisa|esa|ase|yahi) (?:lagta|lagti|lag raha|mann)`),
      rule('seek', x`(?:zeher|zehar|jeher|jahar|poison|rassi|fanda|neend ki goli\S*) (?:kahan|kaha|kidhar|kaise) (?:milega|milegi|milta|milti|mil sakta|mil sakti|se milega|kharidu|lu)`, 's'),
      rule('intent', x`(?:aaj|kal|abhi)(?: raat| subah| shaam| hi)? (?:\S+ )?(?:mar jaunga|mar jaungi|mar jaaunga|mar jaaungi|marunga|marungi|sab (?:khatam|khtm|khatm)(?: kar (?:dunga|dungi|lunga|lungi))?)(?= ?(?:[.,?"]|$))|${SUICIDE} (?:kar|kr) (?:raha|rahi|rha|rhi) (?:hu|hoon|hun)`, 'H'),
      rule('act', x`${PILLS} (?:kha|nigal) (?:li|liya|lee|lia)(?: hai)?(?: maine)? ${MANY}|(?:patri|railway track|track|patriyon) (?:pe|par|pr) (?:let|leta|leti|lait) (?:gaya|gayi|hu|hoon|gaya hu|gayi hu)`, 'c'),
      rule('plan', x`(?:maine )?(?:faisla|faisala|decision|decide) (?:kar|le) (?:liya|li)(?: hai)?`),
      rule('means', x`(?:blade|chaku|chaaku|razor|rassi|zeher|goliyan|goliya) (?:le ke|leke|lekar|haath me|hath me|haath mein) (?:baitha|baithi|khada|khadi|hu|hoon)`),
      rule('passive', x`mere (?:marne|mar jaane|jaane) se (?:\S+ ){0,2}(?:sab|sabka|sabki|sabko|ghar walo ka) (?:theek|thik|achha|accha|khush|better|aasan|sahi)`),
      rule('goodbye', x`(?:sabko|sab ko|doston|dosto|sabhi ko) (?:bye|alvida|alwida|goodbye)(?: ,)? (?:ab|fir|phir) (?:kabhi )?(?:nahi|nhi|nahin) (?:milenge|milunga|milungi|dikhunga|dikhungi)`, 'sn'),
      rule('thoughts', x`${SUICIDE} (?:ke|ki) (?:baare|bare) (?:me|mein|main) (?:soch|sochta|sochti|sochte|soch raha|soch rahi)`),
      rule('plan', x`(?:aaj |abhi |kal )?(?:pee|pi|kha|nigal) (?:lunga|lungi|jaunga|jaungi|loonga|loongi)(?= ?(?:[.,?"]|$))|(?:goliyan|goliya|goli|zeher|zehar) (?:kha|pee|pi) (?:lunga|lungi)`),
      rule('intent', x`(?:aaj raat|aaj|abhi|kal) (?:hi )?${SUICIDE}(?= ?(?:[.,?"]|$))`),
      rule('method', x`(?:railway track|patri|track|chhat|pul|bridge|nadi) (?:pe|par|pr|me|mein) (?:chala|chali|chale) (?:jaunga|jaungi|jaaunga|jaaungi|jaunga abhi)`),
      rule('actIf', x`khoon (?:bahut |bohot |kaafi |zyada )?(?:nikal|beh|bah) (?:raha|rahi) (?:hai|h)|khoon (?:ruk|band) (?:nahi|nhi) (?:raha|ho raha)`),
      rule('means', x`${PILLS} (?:gin|gin ke|ginkar|jama|ikatthi|ikatthe) (?:li|liya|rakhi|rakha|kar li|kar liye|ki|ke rakhi)(?: hai| hain)?`, 'c'),
      rule('goodbye', x`(?:alvida|alwida|goodbye|bye) (?:ka|ke|ki) (?:msg|message|messages|note|chitthi)`, 's'),
      rule('plan', x`ab (?:ja|jaa) (?:raha|rahi) (?:hu|hoon|hun)(?= ?(?:[.,?"]|$))`),
      rule('intent', x`(?:fir|phir|uske baad|tab) sab (?:khatam|khtm|khatm)(?= ?(?:[.,?"]|$))|aaj (?:main )?apni jaan (?:de|le) (?:dunga|dungi|lunga|lungi)|apni (?:zindagi|jindagi|life|jaan) (?:khatam|khtm|end) (?:karna|krna|karne) (?:chahta|chahti|chahte|hai)`, 'H'),
      rule('passive', x`apni jaan (?:dene|de dene|lene) (?:ka|ki) (?:mann|man|dil|soch|khayal)|marna (?:aasan|asan|better|behtar|achha|accha) (?:lagta|lagti|hai)`),

    ],
    mood: [
      rule('worry', x`(?:mujhe |muje )?(?:darr|dar|chinta|fikar|fikr|tension) (?:\S+ ){0,2}(?:hai|lagta|lag raha|ho rahi) (?:ki |ke )?(?:mera|meri|mere) (?:dost|friend|frnd|bhai|behen|bahen|roommate|saheli|cousin)`, 'o'),
      rule('hopeless', x`(?:koi )?(?:ummeed|umeed|umid|ummid|aasha|asha|hope) (?:nahi|nhi|nahin|na)(?: (?:bachi|rahi|hai|h|dikhti)|(?= ?(?:[.,?"]|$)))|(?:kuch|kuchh) (?:bhi )?(?:theek|thik|sahi|accha|achha|better) (?:nahi|nhi|nahin) (?:hoga|hone wala|ho sakta)|(?:sab|sab kuch|sabkuch|zindagi) (?:khatam|barbaad|barbad|tabah) (?:ho gaya|ho gayi|ho chuka|hai)|(?:ab|aur) (?:aur )?(?:nahi|nhi|nahin) (?:ho paa|ho pa|ho raha|seh|sah|jhel) (?:\S+ )?(?:raha|rahi|sakta|sakti)?|(?:kya|kia) (?:fayda|faida|fayeda|matlab) (?:hai )?(?:jeene|jine|zindagi|jee kar|kisi cheez)|haar (?:maan li|man li|gaya hu|gayi hu)`, 'n'),
      rule('trapped', x`(?:koi )?(?:raasta|rasta|rasta) (?:nahi|nhi|nahin) (?:dikhta|dikh raha|hai|bacha|dikhai)|(?:phasa|phansa|fasa|fansa|phasi|phansi hui|fasi) (?:hua|hui|hu|hoon|hun|gaya|gayi)`, 'n'),
      rule('worthless', x`(?:main |mai )?(?:kisi|kissi) (?:kaam|kam) (?:ka|ki|ke) (?:nahi|nhi|nahin)|(?:main|mai) (?:ek |bahut |bilkul |sabse )?(?:bekaar|bekar|nikamma|nikammi|nalayak|naalayak|failure|loser|haara hua|bojh|kachra|zero|useless|worthless) (?:hu|hoon|hun|insaan|insan|ladka|ladki)|sab(?:ko|ka)? (?:disappoint|niraash|nirash|dukhi) (?:karta|karti|kiya|kar deta|kar deti)|(?:koi|kisi) (?:mujhe|muje) (?:pyaar|pyar|pasand) (?:nahi|nhi) (?:karta|karti)|sab (?:mujhse|mujh se) (?:nafrat|naraz) (?:karte|hain)`, 'n'),
      rule('selfHatred', x`(?:khud|apne aap|apne ap) se (?:nafrat|nafarat|ghin|ghrina|chid) (?:hai|h|hoti|ho gayi|karta|karti)`),
      rule('panic', x`ghabrahat|ghabrahat|ghabraahat|ghabra (?:raha|rahi|gaya|gayi)|(?:saans|sans|saas) (?:nahi|nhi|nahin|ruk|phool|ful) (?:aa rahi|aa raha|ho rahi|rahi|raha|le pa|le paa)|dil (?:bahut )?(?:tez|zor se|jor se) (?:dhadak|dhak)|panic`, 'n'),
      rule('numb', x`(?:andar se )?(?:bilkul |ekdum )?(?:khaali|khali|sunn|sun|suna) (?:sa |sa hai |feel|mehsoos|lagta|hai|ho gaya|ho gayi)|(?:kuch|kuchh) (?:\S+ )?(?:feel|mehsoos|mahsoos|mehsus) (?:hi )?(?:nahi|nhi|nahin) (?:hota|ho raha|karta|karti)`, 'n'),
      rule('abuse', x`(?:papa|pappa|dad|daddy|maa|mummy|mumma|bhai|chacha|mama|tau|jija|pati|boyfriend|bf|teacher|sir|senior|uncle|koi|wo|woh|vo) (?:\S+ ){0,2}(?:mujhe|muje|mujhko|hume) (?:\S+ )?(?:maarte|marte|maarta|marta|maarti|peet|peetta|peette|pitai|chhua|chhuta|chhute|galat tarike|ched|chhed|chedta|chhedta|dhamka|zabardasti)|(?:mujhe|muje) (?:\S+ )?(?:maarte|marte|peette|pitai karte|galat tarike se chhua|chhedte|zabardasti)|(?:maarte|marte|maarta|marta|peette|peetta|pitai karte) (?:hain|hai|h|the|tha) (?:mujhe|muje|mujhko)|(?:galat|gandi) (?:tarike|tareeke|tarah|jagah) se (?:chhua|chhuta|chhute|touch)`, 's'),
      rule('ragging', x`ragging (?:\S+ )?(?:karte|karta|kar rahe|hoti|ho rahi|se)|(?:seniors?|senior log|batchmates?) (?:\S+ ){0,2}(?:pareshan|tang|torture|ragging|maarte|dhamkate|zaleel|beizzat)`, 's'),
      rule('threat', x`(?:dhamki|dhamkiyan|dhamkaya|dhamka raha|dhamka rahi|dhamkata|blackmail)|(?:photos?|pics?|video|tasveer|tasveerein) (?:\S+ ){0,2}(?:viral|leak|post|share) (?:kar dega|kar degi|kar denge|karne ki|kar dunga)`, 's'),
      rule('substance', x`(?:daaru|daru|sharab|sharaab|nasha|ganja|weed|drugs|beer|whisky|cigarette|sutta) (?:\S+ ){0,3}(?:peeta|peeti|pita|piti|pee raha|pi raha|karta|karti|leta|leti|peene|pine|lagta|lena)(?: \S+){0,2} (?:bhoolne|bhulne|bhool|bhul|sukoon|neend|gham|dard) |(?:bhoolne|bhulne|gham bhulane|dard bhulane|neend ke) (?:ke )?(?:liye )?(?:\S+ ){0,2}(?:daaru|daru|sharab|sharaab|nasha|ganja|weed|drugs)|(?:roz|har raat|har din|rozana) (?:\S+ )?(?:daaru|daru|sharab|sharaab|nasha)`),
      rule('stress', x`tension|tenshun|tnsn|pareshan|pareshaan|presaan|dabav|dabaav|pressure|stress|chinta|fikar|backlog|fail (?:ho gaya|ho gayi|hone)`),
      rule('anxiety', x`(?:darr|dar|ghabra) (?:lag raha|lagta|lag rahi|lagti)|nervous|bechaini|bechain`),
      rule('sadness', x`udaas|udas|dukhi|mood off|mann (?:nahi )?lag|dil toot|dil tut|breakup|rona (?:aa|a) (?:raha|rahi|gaya)|ro (?:raha|rahi|rahe) (?:hu|hoon|the)|roya|royi|yaad (?:aa rahi|aa raha|aati|aata|sata)|depressed|depression`),
      rule('tired', x`thak (?:gaya|gayi|gaye|chuka|chuki)|thaka hua|thaki hui|thakaan|thakan|thakawat|thakavat`),
      rule('lonely', x`akela|akeli|akelapan|akelaapan|tanha|tanhai|koi baat karne wala nahi|koi dost nahi`, 'n'),
      rule('sleep', x`neend (?:nahi|nhi|nahin) (?:aati|aa rahi|aayi|aa rhi)|so (?:nahi|nhi) (?:paa|pa) (?:raha|rahi)`, 'n'),

      rule('selfHatred', x`(?:apne aap|apne ap|khud|khudse|khud se) (?:se )?(?:ghin|ghrina|nafrat|nafrath) (?:aati|aata|hoti|hai|h)`, 's'),
      rule('substance', x`(?:nasha|nasa|daaru|daru|sharab|sharaab|ganja|weed|drinks?|peeta|peeti) (?:\S+ ){0,3}(?:bhoolne|bhulne|bhulane|bhoolane|bhool jaane) (?:ke liye|ko)`),
      rule('worry', x`(?:dost|friend|frnd|bhai|behen|behan|bahen|roommate|saheli|didi) (?:\S+ ){0,3}(?:suicide|sucide|khudkushi|atmahatya|aatmhatya|marne|mar jaane) (?:ki|ke) (?:baat|baatein|baaten|bate)`, 'o'),
      rule('hopeless', x`(?:sab|sabkuch|sab kuch|zindagi|jindagi|life|har cheez) (?:\S+ )?(?:bekaar|bekar|faltu|pointless|meaningless|bemani|bematlab) (?:lagta|lagti|lag raha|lag rahi|hai|ho gaya|ho gayi)`),
      rule('abuse', x`(?:ne )?(?:mere|meri) (?:saath|sath) (?:galat|gandi|buri|gande) (?:harkat|harkatein|kaam|kiya|ki|karta|karte|kaam kiya)`, 's'),
      rule('worthless', x`(?:kisi|kisi bhi) (?:layak|laayak|kaam ka|kaam ki|kaam ke) (?:nahi|nhi|nahin)|(?:main|mai) (?:bahut |ek )?(?:bura|buri|ganda|gandi|kharab) (?:insaan|insan|aadmi|ladka|ladki|beta|beti)|sab (?:meri|mera) (?:galti|galati|kasoor|kusoor) (?:hai|h)`, 'sn'),
      rule('ragging', x`seniors? (?:ne|log|logo ne) (?:\S+ ){0,4}(?:maara|mara|maarte|peeta|pita|peet|khada rakha|khade rakha|ragging|torture|nanga)`, 's'),
      rule('hopeless', x`andar se (?:toot|tut|khatam|mar) (?:gaya|gayi|chuka|chuki)|(?:zindagi|life|jindagi) (?:me|mein) (?:kuch|kuchh) (?:nahi|nhi|nahin) (?:bacha|raha|bachi)`, 'n'),
      rule('panic', x`dil (?:baith|beth) (?:raha|rahi|rha|jata)|(?:bahut )?bechaini (?:ho rahi|hoti|hai)`),
    ],
    time: [
      rule('time', x`kuch (?:der|pal|minute) (?:aur|me|mein|baad)|(?:ek|do|aadhe|1|2) (?:ghante|ghanta|ghante ke andar) (?:me|mein|main|baad)|is (?:somvar|mangalvar|budhvar|guruvar|shukravar|shanivar|ravivar|sunday|monday|friday|saturday|weekend) (?:ko)?|jab (?:sab|sabhi|ghar wale|mummy papa) so (?:jayenge|jaenge|jaye|jaate)|aaj raat|aaj rat|aj raat|aj rat|aaj ki raat|aaj hi|aaj|aj|abhi ke abhi|abhi|abi|isi waqt|kal subah|kal sham|kal shaam|kal raat ko|kal|parso|(?:result|results|nateeje|exam|paper) (?:aane |ke )?(?:ke )?baad|(?:sab|sabke|mummy papa ke|gharwalon ke|roommate ke|ghar walon ke) (?:so|sone|bahar) (?:jaane |jane )?(?:ke )?baad|is (?:weekend|hafte|sunday|somvar)|jaldi|thodi der mein|(?:\d+|ek|do|teen) (?:ghante|minute|min) mein|aadhi raat`, 'n'),
      rule('recent', x`kal raat|abhi abhi|thodi der pehle|(?:\d+|ek|do|teen|aadha) (?:ghante|ghanta|minute|min) pehle|aaj subah`),
    ],
  },
  frames: [
    // idioms and hyperbole
    frame('idiom', x`(?:exam|paper|padhai|kaam|assignment|ye|yeh|tum|tu|boss|teacher|sir|garmi|thand|traffic|ye log|syllabus|project|viva) (?:\S+ ){0,2}(?:meri )?jaan (?:le|nikal|kha) (?:lega|legi|lenge|raha|rahi|gaya|gayi|dega|degi|li)`, 'stress'),
    frame('idiom', x`(?<!bina )(?:garmi|garmee|thand|sardi|bhook|bhukh|bhookh|bhuk|pyaas|pyas|hasi|hansi|hassi|haste|hanste|boriyat|bore|sharam|intezaar|intezar|excitement|khushi|dard) (?:se|ke maare|ke mare|mein|me|ke) (?:\S+ )?(?:mar|mare|marr|mari|mar gaya|mar gayi|mar gaye|marna|marne|mar raha|mar rahi|mar rahe)(?: (?:gaya|gayi|gaye|raha|rahi|rahe|jaunga|jaungi|lagi|laga|hu|hoon))?`),
    frame('idiom', x`(?:has|hass|hans|hanss|haste|hanste) (?:has|hass|hans|hanss|haste|hanste) ?(?:ke|kar)? (?:\S+ )?(?:mar|mare|mar gaya|mar gayi|mar gaye|pagal)`),
    frame('idiom', x`(?:mummy|mumma|mom|maa|ammi|papa|pappa|dad|abbu|sir|teacher|boss|bhaiya|didi|wo|woh|ghar wale|gharwale|biwi|wife) (?:\S+ ){0,2}(?:maar|mar|jaan se maar) (?:daalegi|dalegi|daalega|dalega|daalenge|dalenge|degi|dega|denge)`),
    frame('idiom', x`mar mit\S*|(?:gaane|gana|gaana|song|dress|khane|khana|style|smile|ada|hasi|aankhon|aankhein|awaaz) (?:pe|par) (?:toh |to )?(?:\S+ )?(?:mar|marte|marti|mar gaye|mar gayi|fida)|(?:marta|marti) (?:hu|hoon) (?:tum|tujh|us|uss) pe|mar jawan|kya (?:cheez|chiz) hai yaar`),
    frame('idiom', x`dimag (?:kharab|kharaab|ki dahi)|(?:tension|pressure|padhai) se pagal|sar (?:kha|khaa) (?:gaya|gayi|liya|raha|rahi)|(?:padhai|kaam|syllabus|assignments?|exam|project) (?:ka|ki) (?:\S+ )?(?:bojh|boj|bojha)`, 'stress'),
    frame('idiom', x`(?:ye|yeh|is|iss) (?:ladki|ladke|chiz|cheez|film|movie|game) ne (?:toh )?maar (?:diya|dala|daala)|maar (?:daala|dala|diya) yaar|(?:kill|kills|maar diya|maar diye|maare)(?: \S+)? (?:in|mein|me) (?:bgmi|pubg|game|free fire|valorant)`),
    // study of the topic
    frame('education', x`(?:${SUICIDE}|depression|mental health|self harm|maansik swasthya|aatmhatya rokthaam) (?:par|pe|pr|ke baare mein|ke bare me|ke baare me|ke upar|ke upar ek|rokthaam|prevention|awareness) (?:\S+ ){0,3}(?:essay|nibandh|project|lecture|seminar|padh|padha|padhai|likh|report|class|assignment|presentation|session|video|news|khabar|research|survey)|(?:essay|nibandh|project|lecture|seminar|report|assignment|presentation|survey|research) (?:\S+ ){0,2}(?:${SUICIDE}|depression|mental health) (?:par|pe|pr|ke baare mein)`),
    // fiction
    frame('fiction', x`(?:movie|film|picture|serial|kahani|kahaani|story|upanyas|novel|gaana|gaane|song|web series|hero|heroine|villain|kirdaar|kirdar)`),
    // past and recovery
    frame('recovery', x`(?:\d+|ek|do|teen|char|paanch|kai) (?:saal|sal|mahine|mahino|mahinon|hafte|hafton|din) se (?:\S+ )?(?:clean|sober|theek|thik|better|nahi kiya|nahi kia)|pehle (?:\S+ ){0,3}(?:karta tha|karti thi|hota tha|hoti thi|aate the|aata tha|aati thi|socha tha|sochti thi|sochta tha)|(?:ab|abhi) (?:main )?(?:bilkul )?(?:theek|thik|better) (?:hu|hoon|hun)|bahut pehle|bachpan mein|school (?:mein|me|time)|therapy (?:se|ne) (?:\S+ )?(?:madad|help|theek|thik|bachaya)|(?:pichhle|pichle) saal`),
    frame('relapse', x`(?:phir se|fir se|firse|phirse|dobara|dubara|aajkal|aaj kal|in dino|wapas)`),
    // everyday purposes
    frame('benign', x`(?:sar ?dard|sir ?dard|sardard|bukhar|bukhaar|fever|zukaam|zukam|khansi|periods?|pet dard|dard|allergy|acidity|headache|cold) (?:ke liye|ki wajah se|ki vajah se|mein|me|hai|h|he|tha|thi|ho raha|ho rahi|hua|hui)|doctor ne (?:di|diya|likhi|likha|bola|kaha)|kapde (?:sukhane|sukhaane)|(?:dosto|doston|friends|family|gharwalo|gharwalon|sabke|cousins) ke saath|patang|(?:bech|bechne) (?:raha|rahi|diya|di|dunga|dungi|hai)|(?:chuhe|chuhon|keede|keedon|kakrochon|cockroach) ke liye`),
    // laughter and its opposite
    frame('laugh', x`mazak|mazaak|majak|majaak|mazaq|hehe|hihi|hahaha\S*|lol`),
    frame('serious', x`sach mein|sachi|sachchi|mazak nahi|mazaak nahi|majak nahi|mazaak nahi kar|serious (?:hu|hoon)`),
  ],
};

/**
 * The generalisation pass: broad stems with any intent ending, compiled after every language's own phrases so
 * that a specific phrase found at the same place always wins (see engine.ts).
 */
export const HI_LATN_BROAD: LexiconPart = {
  lang: 'hi-Latn',
  rules: {
    risk: [
      // The hook first, then the rope ("hook pe rassi bandh di hai").
      rule('meansStrong', x`(?:pankhe|pankha|fan|ceiling|chhat|hook|kunde|kundi) (?:pe|par|pr|se|me|mein) (?:\S+ )?(?:rassi|rasi|fanda|phanda|dupatta|chunni) (?:\S+ )?(?:baandh|bandh|laga|latka|tang) (?:di|diya|li|liya|dia|lia|chuka|chuki)`),
      // The infinitive of a way of dying followed by "about to / going to / plan to" (koodne ja raha hu,
      // marne wali hu, latakne ka plan hai), and first-person futures of the same verbs.
      rule(['intent', 'method'], x`${GEN_METHOD_INF} (?:\S+ )?${GEN_GOING}`, 'H'),
      rule('intent', x`(?:marne|mrne|${SUICIDE} (?:karne|krne)|jaan dene|khud ko (?:khatam|khtm|khatm|maarne|marne) (?:karne )?) (?:\S+ )?${GEN_GOING}`, 'H'),
      rule(['intent', 'method'], x`(?:kood|kud|latak|lataka|jhool|jhul) (?:jaunga|jaungi|jaaunga|jaaungi|jaunga|jaenge|jaungaa)|(?:koodunga|koodungi|kudunga|kudungi|kudoonga|latkunga|latkungi|latakunga|latakungi|jhoolunga|jhoolungi)|${HANG} (?:laga|lga) (?:lunga|lungi|loonga|lu|lun|loon)|(?:${POISON}|${PILLS}) (?:\S+ )?(?:kha|khaa|pee|pi|nigal) (?:lunga|lungi|loonga|jaunga|jaungi)`, 'H'),
      rule('intent', x`(?:marunga|marungi|maroonga|maroongi|${SUICIDE} (?:kar|kr) (?:lunga|lungi|loonga|dunga|dungi)|jaan de (?:dunga|dungi|doonga|du|doon|dete|deti)|jaan (?:dunga|dungi))`, 'H'),
      rule('intent', x`(?:apni |meri |ye |yeh |is )?(?:zindagi|jindagi|zindgi|jindgi|life|jaan|jeevan|jivan) (?:\S+ )?(?:khatam|khtm|khatm|khtam|end|samapt) (?:kar|kr)(?:na|ne|unga|ungi|oonga| dunga| dungi| doonga| lunga| lungi| loonga| du| doon| lu| lun| dena| lena| deta| deti| rahi| raha)`, 'H'),
      rule('intent', x`${SUICIDE} (?:\S+ ){0,2}(?:ka|ki|ke) (?:\S+ )?(?:plan|irada|iraada|faisla|decision|soch|soch liya|tay)`, 'H'),
      rule('thoughts', x`${SUICIDE}`),
      rule('thoughts', x`(?:marne|mar jaane|maut|mout) (?:\S+ )?(?:ka|ke|ki) (?:\S+ )?(?:khayal|khyal|khayaal|vichar|thoughts?|soch|sochta|sochti|baare)`),
      rule('passive', x`(?:mar|mr) (?:jaun|jau|jaaun|jaoon|jaau|jana|jaana|jaye|jaaye)(?: to| toh)? (?:\S+ )?(?:accha|achha|acha|behtar|better|sukoon|theek|thik)|(?:mujhe |muje )?(?:maut|mout|death) (?:chahiye|aa jaye|aajaye|aa jaaye)|(?:kaash|kash) (?:\S+ ){0,4}(?:mar|maut|na hota|na hoti|paida)`, 'n'),
      rule('passive', x`(?:jeena|jina|jeene|jine|zinda rehna|zinda rehne|jeete rehna) (?:\S+ ){0,2}(?:nahi|nhi|nahin|nai|na|mann nahi|man nahi|dil nahi|mushkil|bekaar|bekar)(?: (?:chahta|chahti|chahte|hai|h|karta|karti|hota|lagta))?`, 'n'),
      rule('passive', x`(?:so|soo) (?:jaun|jau|jaaun|jaoon|jaau|jaana|jana|jaye|jaaye|jaunga|jaungi) (?:\S+ ){0,3}(?:kabhi|fir|phir|wapas|dobara)? ?(?:na|nahi|nhi|naa) (?:uthu|uthun|uthoon|uthna|uthunga|uthungi|uthu kabhi|jaagu|jagu|jaagun|uthe|uthi|utha)`, 'n'),
      rule('givingAway', x`(?:saaman|samaan|saman|cheezein|cheeze|chizein|kitaben|kitabein|laptop|phone|kapde|guitar|books) (?:\S+ ){0,4}(?:de (?:diya|diye|di|dunga|dungi|raha|rahi)|dedi|dediya|de dena)(?: \S+){0,3} (?:\S+ )?(?:zarurat|zaroorat|jarurat|jaroorat|kaam) (?:nahi|nhi|nahin) (?:padegi|aayegi|aaegi|hogi|rahegi|hai)`, 'snc'),
      rule('givingAway', x`(?:ab )?(?:mujhe |muje )?(?:inki |iski |unki |in sab ki |kisi ki |kisi cheez ki |kuch bhi )?(?:ab )?(?:zarurat|zaroorat|jarurat|jaroorat) (?:nahi|nhi|nahin) (?:padegi|padne wali|rahegi|hogi)`, 'snc'),
      rule('planStrong', x`(?:fanda|phanda|fandaa|rassi ka fanda|noose) (?:\S+ ){0,2}(?:bana|banaa|bnaa|bna|tayyar|taiyaar|taiyar|ready) (?:liya|li|lia|diya|di|kar liya|kar li|rakha|rakhi|hai)`),
      rule('act', x`(?:railing|edge|kinare|kinaare|muder|mundeer|ledge) (?:pe|par|pr|ke upar) (?:\S+ )?(?:baitha|baithi|khada|khadi|latka|latki) (?:\S+ )?(?:hu|hoon|hun|h)`, 'c'),
      rule('act', x`(?:poori|puri|pura|poora|ek|do|saari|sari|saare|sare|ek saath|ekdum) (?:\S+ )?(?:strip|patta|patte|bottle|shishi|packet|dabba) (?:\S+ ){0,2}(?:kha|khaa|nigal|pi|pee|gatak) (?:li|liya|lee|lia|gaya|gayi|gaye|chuka|chuki|dali|daali)`, 'c'),
      rule('actIf', x`(?:hosh|hosh mein|hosh me) (?:\S+ )?(?:nahi|nhi|nahin) (?:aa|a) (?:raha|rahi|rha|rhi)|(?:behosh|unconscious) (?:ho|pada|padi|hai)|(?:saans|sans) (?:\S+ )?(?:nahi|nhi) (?:le|chal) (?:raha|rahi)`, 'n'),
      rule(['selfHarm', 'actIf'], x`(?:gehra|gehri|bahut gehra|zyada gehra|jyada gehra|deep) (?:\S+ )?(?:kat|kaat|cut) (?:gaya|gayi|liya|li|lia|diya|di)`),
      rule('actIf', x`khoon (?:\S+ ){0,2}(?:ruk|band|thum|tham) (?:hi |bhi )?(?:nahi|nhi|nahin)|(?:towel|kapda|chadar|bedsheet) (?:\S+ )?(?:bhar|bhig|laal) (?:gaya|gayi)`, 'n'),
      rule(['intent', 'plan'], x`(?:aaj|aaj raat|kal|abhi) (?:ke baad|se) (?:\S+ ){0,4}(?:bojh|boj|pareshan|tang|takleef|dukh|problem) (?:nahi|nhi|nahin|na) (?:banunga|banungi|karunga|karungi|dunga|dungi|rahunga|rahungi|dungi kisi|hounga|houngi)`, 'sn'),
      rule('plan', x`(?:sab|sabkuch|sab kuch|sara|saara) (?:\S+ )?(?:set|ready|tayyar|taiyaar|tay|fix|plan) (?:hai|h|ho gaya|ho gayi|kar liya|kar li)`),
      rule('meansStrong', x`${PILLS} (?:\S+ ){0,3}(?:jama|ikattha|ikatthi|ikatthe|chura|churaa|chhupa|chupa|bacha) (?:\S+ )?(?:ki|kiya|kar|ke|li|liya|rakhi|rakha|rakhe|kar li|kar liye|ki hai|kiya hai|ke rakhi)`),
      rule('intent', x`(?:ctb|kms|unalive|sewerslide)(?= ?(?:[.,?"]|$| tonight| today| aaj| abhi| kal))|(?:unalive|suicide|sucide|kms|ctb|mar|marne) (?:hone|karne|krne|jaane) (?:ka|ki) (?:\S+ )?(?:mann|man|mn|dil|iccha|ichha|irada)`, 'H'),
      rule('selfHarm', x`(?:cutting|cut|self harm|sh|selfharm) (?:\S+ )?(?:kar|kr|karna|karne) (?:li|liya|lia|raha|rahi|leta|leti|lu|lungi|lunga|chahta|chahti|shuru|ki)|(?:phir se|fir se|firse|dobara) (?:\S+ )?(?:cutting|cut|kaatna|kaata|kaati|self harm)`),
      rule('selfHarm', x`${SELF} (?:\S+ )?(?:hurt|harm|nuksan|nuksaan|chot|cut|kaat|jala|jalane|takleef) (?:\S+ ){0,3}(?:urge|mann|man|dil|iccha|ichha|chahta|chahti|craving)`),
      rule('goodbye', x`(?:yaad rakhna|yaad rakhiyo|yaad karna) (?:mujhe|muje)|(?:mujhe|muje) (?:yaad rakhna|yaad rakhiyo|yaad karna|bhool mat jana|bhool jana)`, 's'),
      rule('passive', x`(?:koi )?(?:truck|bus|gaadi|gadi|car|train|bike|tempo) (?:\S+ ){0,2}(?:maar|thok|kuchal|uda|udaa|takkar maar) (?:de|dega|de to|de toh|jaye|jaaye|diya hota|de jaye)|(?:accident|hadse|haadse) (?:\S+ ){0,3}(?:mar jaun|mar jau|mar jaata|mar jati|mar gaya hota|mar gayi hoti|maut ho)`, 'n'),
      rule('burden', x`(?:main|mai|me|mein) (?:na|nahi) (?:rahu|rahun|rahoon|rahunga|rahungi|hota|hoti|hu|rahe)(?: to| toh)? (?:\S+ ){0,4}(?:bojh|boj|bojha|tension|pareshani|kharcha|problem) (?:kam|khatam|hat|nahi|door)`, 'sn'),
      rule('passive', x`duniya se (?:chala|chali|chale) (?:jaun|jau|jaaun|jaana|jana|jaunga|jaungi)|(?:is )?duniya (?:mein|me) (?:nahi|na) (?:rehna|rahna|rahu)`, 'n'),
      rule('passive', x`(?:aankh|aankhein|ankh) (?:\S+ )?(?:na|nahi|kabhi na) (?:khule|khulein|khulegi)`, 'n'),
      rule('seek', x`(?:kaunsi|konsi|kaun si|kon si|kaunse|konse|kis) (?:\S+ ){0,3}(?:se|lene se|khane se|peene se) (?:\S+ )?(?:maut|mar|marte)`, 's'),
    ],
    mood: [
      rule('worry', x`(?:dost|friend|frnd|bhai|behen|behan|roommate|saheli|didi|bestie) (?:\S+ ){0,6}(?:mar jana|marna|mar jaana|suicide|khudkushi|zinda nahi rehna) (?:\S+ )?(?:chahiye|chahta|chahti|hai|h)`, 'o'),
      rule('worry', x`(?:darr|dar|chinta|fikar|fikr|tension|worry) (?:\S+ ){0,3}(?:uske|uski|unke|iske|uska) (?:liye|baare|bare)`, 'o'),
      rule('abuse', x`galat (?:tarike|tareeke|tareke|tarah|jagah) (?:se )?(?:chhoo|chhu|chu|touch)\S*|(?:chhoote|chhute|chhuta|chhuti|chedte|chhedte) (?:\S+ )?(?:hai|hain|the|tha)`, 's'),
      rule('substance', x`(?:ganja|daaru|daru|sharab|sharaab|weed|nasha|drugs|maal) (?:\S+ ){0,3}(?:roz|daily|har din|rozana|aadat|addiction)|(?:bina|bagair) (?:uske|iske|daaru|daru|ganja|sharab|nashe|nasha) (?:\S+ ){0,2}(?:neend|chain|sukoon|reh nahi|nahi reh)`),
    ],
    time: [],
  },
  frames: [
    // Spraying the crops is farm work.
    frame('idiom', x`(?:fasal|fasl|khet|dhaan|dhan|gehu|gehun|sabzi|bagiche|bagicha)\S* (?:\S+ ){0,3}(?:dawai|dawa|keetnashak|pesticide)\S* (?:\S+ )?(?:chhidak|chidak|chhidka|chidka|spray)\S*|(?:keetnashak|pesticide|dawai|dawa) (?:\S+ )?(?:spray|chhidak|chidak|chhidka|chidka)\S*`),
    // Drama as theatre or a show about someone ("drama queen", "the drama is unreal"), not "koi drama nahi" (no fuss).
    frame('fiction', x`drama (?:queen|king|baaz|baj|is|tha|hai|chal)|dramebaaz|dramebaz|the drama|itna drama|natak (?:company|mandali)`),
    // Dying of sleepiness, not "neend me hi mar jaun" (to die in one's sleep, a wish).
    frame('idiom', x`neend (?:se|ke maare|ke mare) (?:\S+ )?(?:mar|mare|mar gaya|mar gayi|mar gaye|mar raha|mar rahi|mar rahe)(?: (?:gaya|gayi|gaye|raha|rahi|rahe|hu|hoon))?`),
    frame('idiom', x`(?:zinda|jinda|zindaa) (?:nahi|nhi) (?:chhodenge|chodenge|chhodegi|chodegi|chhodega|chodega|chhodengi|chodengi|chhodein|chode)`),
    frame('farewell', x`trek\S*|network (?:nahi|nhi|nai) (?:milega|hoga|rahega)|offline (?:rahunga|rahungi|hoon|hu)`),
    frame('idiom', x`online (?:nahi|nhi) (?:rahunga|rahungi|rahoonga)`),
    frame('idiom', x`(?:report|register|registration|recover|reset|block|unblock|delete|apply|download|install|update|login|log in|sign ?up|submit|pay|book|check|calculate|manage|handle|balance|prepare|padhai|password) (?:\S+ )?(?:kaise|kese|kaisay|kaisey) (?:\S+ )?(?:karte|kare|karein|karu|karun|karna|hota|hoga)\S*`),
    frame('education', x`(?:suicide|suicides|khudkushi|aatmahatya|atmahatya) (?:ke|ki|ka) (?:\S+ )?(?:reasons?|karan|kaaran|causes?|rate|rates|data|prevention|factors?) (?:\S+ ){0,2}(?:survey|project|research|thesis|report|assignment|presentation)`),
    frame('recovery', x`(?:\d+|ek|do|teen|char|kai) (?:saal|sal|mahine|mahina|hafte|years?|months?) (?:ho gaya|ho gya|hogaya|ho gaye|ho gye|hogaye) (?:\S+ ){0,3}(?:bina|without)`),
    // A clothesline that broke is a maintenance request.
    frame('idiom', x`(?:kapde|kapda|kapdon|clothes)\S* (?:\S+ ){0,3}(?:rassi|rope|dori)|(?:rassi|rope|dori) (?:toot|tut)\S*`),
    frame('farewell', x`(?:flight|train|bus|ticket) (?:\S+ ){0,3}(?:hai|h|he)(?: \S+)? (?:ki|ka|ke|se|kal|subah|aaj)|ghar (?:ja raha|ja rahi|jaa raha|jaa rahi|nikal raha|nikal rahi)|(?:chhutti|chhuttiyon|vacation|diwali|holi) (?:\S+ )?(?:ghar|gaon|mein|me|pe)`),
    frame('education', x`(?:psych\S*|sociology|exam|notes|theory|syllabus)\S* (?:\S+ ){0,4}(?:suicide|aatmahatya|atmahatya)\S* (?:theory|theories|rate|data|topic)|(?:durkheim|durkheims)\S*`),
    // Parents "will hang me" (a scolding, not a method); a film's suicide topic.
    frame('idiom', x`(?:papa|mummy|mumma|maa|mom|dad|pitaji|ghar wale|gharwale) (?:\S+ ){0,3}(?:latka (?:denge|dega|degi|dengi)|maar (?:denge|dalenge|daalenge|dega|degi)|jaan le (?:lenge|lega|legi))`),
    frame('education', x`(?:suicide|khudkushi|aatmahatya|atmahatya) (?:wala|waala|vala|wali|wale) (?:topic|scene|part|chapter|episode|message|issue)`),
    // Threats at someone else, said in jest ("usko to main maar dunga", "aaj uska katl pakka").
    frame('idiom', x`(?:usko|usse|uska|uski|use|tujhe|tereko|tere ko|unko|isko|iska|roommate ko|bhai ko|dost ko) (?:\S+ ){0,2}(?:maar (?:dunga|dungi|daalunga|daalungi|dalunga|dalungi|denge|doonga)|katl|qatl|khoon kar (?:dunga|dungi))|(?:uska|iska|tera|teri) (?:katl|qatl|murder) (?:pakka|fix|tay)`),
    // Food eaten is not pills taken ("mera maggi kha liya").
    frame('idiom', x`(?:maggi|maggie|momo|momos|khana|roti|biryani|pizza|burger|samosa|chocolate|tiffin|lunch|dinner|nashta|chips|noodles|cake|ice ?cream|mithai|paratha)\S* (?:\S+ )?(?:kha (?:liya|li|gaya|gayi|gya|gyi|liye)|khaya|khayi|khaa liya)`),
    // Years since stopping ("chhode hue do saal").
    frame('recovery', x`(?:chhode|chhoda|chode|choda) (?:hue|huye|hua) (?:\S+ )?(?:\d+|ek|do|teen|char|paanch) (?:saal|sal|mahine|hafte)`),
    frame('education', x`(?:suicides?|khudkushi|aatmahatya|atmahatya)\S* (?:pe|par|pr) (?:\S+ )?(?:project|research|assignment|presentation|survey|thesis|sources?)`),
    frame('idiom', x`(?:iske|uske|is|us|iss|uss) (?:\S+ )?(?:liye|lie) (?:toh |to )?(?:mar (?:jaaun|jau|jaun|jaunga|jaungi|sakta|sakti)|jaan (?:de|dedu|de du))`),
    frame('idiom', x`(?:maths|math|physics|chemistry|bio|exam|paper|accounts|teacher|sir|maam|ma am|syllabus)\S* ne (?:toh |to )?(?:maar|mar) (?:daala|dala|diya|dia)`),
    frame('education', x`(?:ma.?am|sir|teacher|professor|prof|doctor|counsellor|counselor|psych\S*) (?:\S+ )?ne (?:bataya|samjhaya|sikhaya|padhaya|bola|kaha)`),
    frame('education', x`(?:suicide|suicides|khudkushi|aatmahatya|atmahatya)\S* (?:pe|par|pr) (?:\S+ )?(?:documentary|film|movie|video|article|report|essay|debate|news)`),
    frame('idiom', x`lag (?:raha|rha|rahi|rhi) (?:hai |h )?(?:jaise |ki )?(?:zeher|zehar|jahar) (?:kha|pi)\S*`),
    frame('farewell', x`(?:milte|milenge) (?:hain|hai|h|he)|(?:fir|phir) milenge|farewell|next sem|(?:college|school|class|hostel) ka (?:aakhri|akhri|last) din`),
    frame('fiction', x`(?:novel|kahani|story|movie|film|serial|web ?series|drama|play) (?:\S+ ){0,4}(?:usme|usmein|jisme|jismein|mein|me) `),
    frame('recovery', x`(?:\d+|do|teen|ek|char|kai) (?:saal|sal|mahine|hafte|years?|months?) (?:ho gaye|ho gye|hogaye) (?:\S+ ){0,5}bina|(?:ek|aisa bhi) (?:time|waqt|samay|daur) (?:tha|thaa) (?:jab|ki)`),
    frame('fiction', x`news (?:dekha|dekhi|padha|padhi|me|mein)|khabar (?:dekhi|padhi|aayi)`),
    frame('education', x`(?:${SUICIDE}|depression|self harm) (?:\S+ ){0,2}(?:ke |ki |ka )?(?:baare|bare|upar) (?:me |mein |main )?(?:\S+ ){0,2}(?:padh|padhaya|padhaaya|padhai|bataya|sikhaya|seekha|lecture|class|session|seminar|workshop|talk|discussion|news|khabar|video|documentary|article|report|quiz)|(?:lecture|class|session|seminar|workshop|news|khabar|article|report|documentary|podcast|kitab|book|psychology|syllabus) (?:\S+ ){0,4}${SUICIDE}|${SUICIDE} (?:prevention|awareness|helpline|rate|rates|cases|statistics|data|hotline|squad)`),
    frame('idiom', x`(?:ke liye|ke lie|ke liye to|ke liye toh|ke liye main|ke liye mai|ki khatir|ke khatir) (?:\S+ ){0,2}(?:jaan|jan) (?:de|dena|dedu|de du|de doon|de dunga|de dungi|haazir|hazir|bhi)`),
    frame('recovery', x`(?:self ?harm|cutting|cut|nasha|daaru|sharab) (?:\S+ )?(?:chhode|chhoda|chhodi|chhod diya|chhod di|band kiya|band kar diya|free|clean)`),
    frame('benign', x`rassi (?:kood|kud|koodna|kudna|kood rahi|kood raha|koodte)|skipping`),
    frame('fiction', x`news|khabar|akhbar|akhbaar|samachar`),
    frame('idiom', x`(?:sabzi|sabji|pyaaz|pyaz|fruit|phal|kitchen)\S* (?:\S+ ){0,2}(?:kaat\S*|kat\S*)(?: \S+){0,3}|(?:ungli|finger) (?:\S+ )?(?:kat|cut)\S*`),
    frame('benign', x`(?:bukhar|bukhaar|fever|sar ?dard|sir ?dard|headache|zukaam|cold|periods?|pet dard|dard) (?:ki|ke|ka) (?:goli|dawa|dawai|tablet)`),
    frame('idiom', x`marne (?:ki|ka) (?:bhi )?(?:fursat|time|waqt|samay) (?:nahi|nhi)`),
    frame('idiom', x`marne (?:ki|ka) (?:bhi )?(?:fursat|time|waqt|samay) (?:nahi|nhi)`),
    frame('benign', x`(?:skipping|koodne ki|kudne ki) rassi`),
    // Pests in the kitchen, the room or the field: poison for them is household work.
    frame('benign', x`(?:chuhe|chuha|chuhon|chuho|keede|kide|keedon|khatmal|cockroach|deemak|dimak)\S* (?:\S+ ){0,2}(?:bahut|bohot|bhot|ho gaye|aa gaye|kha gaye|kha gya|kha liye|kha liya|kaat|katte)\S*`),
    frame('idiom', x`(?:suicide|sucide|aatmhatya|atmahatya|khudkushi) (?:jaisa|jaisi|waisa) (?:kuch )?(?:bhi )?(?:nahi|nhi)`),
  ],
};
