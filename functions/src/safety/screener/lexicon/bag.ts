/**
 * The broad layer's cues: words and short stems that signal risk wherever they stand in a message, for the
 * many ways of saying it that no phrase list foresees. Each cue names one `cue*` concept; engine.ts scopes
 * them like phrases (idioms, study, fiction, recovery, negation, whose words) and combines them per person
 * (see `combineCues`): a death wish, self-harm, a burden statement, two signs of a goodbye, or the means
 * with an act or a plan are a crisis; a crisis with a time, the means, a place or an act is imminent;
 * any concern word is at least moderate. Compiled apart from the phrase lexicons so that it never hides a
 * phrase. Written over normalised text (see normalize.ts); Devanagari is folded by the compiler.
 */
import { rule, type LexiconPart } from '../rules';

const x = String.raw;

/**
 * Pests in romanised Hindi and Nepali: "musa marne" (rat-killing) is not a death wish, and a pest's poison is a
 * lethal means. Every Latin-script cue runs on every Latin message, so each of these is written once.
 */
const LATN_PESTS = x`chuhe|chuha|chuho|chuhon|keede|kide|keedon|khatmal|makkhi|machhar|macchar|cockroach|musa|muso|usiya|upiyan|kira|kiraa|khatira|sanglo|jhinga|lamkhutte`;
const LATN_PEST_POISON = x`(?:kira|kiraa|musa|muso|usiya|upiyan|jhinga|lamkhutte|chuha|chuhe|chuho|keede|kide|khatmal|machhar|makkhi) (?:marne|maarne|mar|maar)\S* (?:ki |wali |waali |ko )?(?:ausadhi|aushadhi|aausadhi|dabai|dawai|dawa|davai|bish|bis|vishadi|bishadi|goli|zeher|jahar|vish)\S*`;

// ---- English -------------------------------------------------------------------------------------------
const EN_BAG: LexiconPart = {
  lang: 'en',
  rules: {
    risk: [
      rule('cueDeath', x`(?:i|me|wanna|just|should|could|ill|might|let me|lemme|rather|want to|ready to|deserve to|need to|wish to|wish i could|i will|i shall) (?:\S+ ){0,2}(?<!(?:literally|gonna|would|might|totally|actually) )(?:die|d1e|dye)(?! (?:of|from|laughing|with|for|hard|a little|inside|if|when|after|before))|(?:end|ending|take|taking) (?:my|this) (?:own )?(?:life|existence)|${'suicid\\S*'}|unalive\S*|kms|ctb|(?:kill|killing|k1ll) (?:my ?self|me)|(?:be|was|were|am) (?:better )?(?:off )?dead|not (?:be )?(?:alive|here|around) (?:anymore|tomorrow|much longer)|(?:never|not|dont|don t) (?:\S+ )?wake up|(?:disappear|vanish|gone|sleep) (?:forever|for good|permanently)|(?:no|zero) (?:reason|point|will) (?:\S+ )?(?:to )?(?:live|living|stay alive|go on|exist)|(?:truck|bus|car|train|lorry|bike) (?:would |to |could |will |should )?(?:just )?(?:hit|run over|runs over|kill|crush|hits|kills)\S* me|stop (?:existing|living(?! (?:in|at|with|on|near|together|off|alone|here|there|like a))|breathing)|end (?:it all|everything|things)`, 'H'),
      // Wishes whose words include their own "not" ("enough to not wake up", "dont wanna wake up"): a negator
      // inside them is the wish, not its negation.
      rule('cueDeath', x`(?:wish|hope|pray|want|wanna|enough|just|rather|may|might|take|takes|need|needs) (?:\S+ ){0,5}(?:not|never) (?:to )?wake up|(?:dont|don t|do not) (?:want to|wanna|wish to) (?:ever )?wake up|(?:never|not) (?:want to|wanna) wake up(?: again)?`, 'n'),
      rule('cueDeath', x`(?:wont|will not|wouldnt|won t) be (?:around|here|alive)|(?:wont|will not|dont|don t) (?:have to )?(?:see|wake up to) (?:the )?(?:sunrise|morning|tomorrow)|bleeding wrists?|wrists? (?:are |r )?bleeding`, 'n'),
      rule('cueGoodbye', x`made (?:my )?peace|dont bother (?:calling|texting|looking|coming)|don t bother (?:calling|texting|looking)|dont look for me|don t look for me|(?:tell|tel) (?:my )?(?:mom|mum|mother|dad|father|parents|maa|mummy|papa) (?:\S+ ){0,3}(?:fault|sorry|loved)|(?:wasnt|was not|wasn t|not) (?:her|his|their|your|anyones) fault|my time is up|(?:note|letter) (?:is )?(?:on|in|under) (?:the |my )?(?:table|desk|drawer|pillow|bed)`, 'sn'),
      rule('cueTook', x`(?:dupatta|rope|noose|chunni|scarf)s? (?:is |are )?(?:already )?(?:tied|ready|up|hung)|(?:switch|switched) off|not picking up|cant reach`, 'n'),
      rule('cueMethod', x`(?:gas|cylinder) (?:\S+ ){0,2}(?:on|open|opened|leaking)`),
      rule('cuePlace', x`platform`),
      rule('cueMeans', x`celphos|sulphas|stool`),
      rule('cueTook', x`(?:standing|sitting|sat|stood) (?:\S+ ){0,4}(?:ledge|edge|railing|parapet|stool)|(?:is |are |already )?(?:tied|hung|knotted) (?:to|on|from) (?:the )?(?:fan|ceiling|hook)|(?:mixed|mixing|dissolved|crushed) (?:\S+ ){0,3}(?:poison|pills|tablets|pesticide|bleach) (?:in|into)|finished (?:half|it|them|the)`),
      rule('cueGoodbye', x`(?:thats|that s|that is) it(?: \S+)? no more|take care of (?:urself|yourself|ur ?self)|(?:bye|goodbye) (?:on|in) (?:insta|live|story)`, 'sn'),
      rule('cueGoodbye', x`goodbye|good bye|bye forever|farewell|last (?:message|msg|text|post|words)|(?:my|our|the|its|it s|is|be|tonight is|today is) last (?:night|day)(?! (?:at|of|in|on|with|as|here|before|for|to|off))|last (?:night|day) (?:alive|on earth|of my life)|final (?:message|msg|text|post|words|goodbye)|forgive me|sorry for (?:everything|all of this|being (?:a|such|me))|thank(?:s| you| u) (?:for|4) (?:everything|being there|all)|remember me|not coming (?:down|back|home)|(?:wont|will not|never) (?:be )?com(?:e|ing) (?:down|back|home)|(?:letter|note|letters|notes) (?:is |are )?(?:under|on|in|beside) (?:my )?(?:pillow|desk|table|bed|drawer|bag)|(?:wrote|written|writing|left) (?:a |my |the )?(?:letter|note|letters|notes)(?! (?:for|to) (?:the )?(?:teacher|professor|sir|maam|hod|principal|warden|class))|(?:wont|will not|dont|don t) (?:be )?need(?:ing)? (?:it|them|this|these|my)|(?:after|from) (?:tonight|today|tomorrow)|(?:tell|tel) (?:my )?(?:mom|mum|mother|dad|father|parents|family|sister|brother|friends|everyone) (?:\S+ ){0,2}(?:sorry|lov\S*|miss)|bye (?:forever|for good|everyone|all|guys)|take care of (?:my|mom|mum|dad)|(?:gave|giving|give) (?:away )?(?:my )?(?:\S+ ){0,3}(?:to my|away)|(?:no one|nobody) (?:has|will have|needs) to (?:deal|worry|put up)`, 'sn'),
      rule('cueSelfHarm', x`self ?harm\S*|(?:cut|cuts|cutting|slash\S*|scratch\S*|burn\S*|carv\S*) (?:\S+ ){0,2}(?:my |myself )?(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)|(?:i|ive|i have|i just|started|been|keep) (?:\S+ )?(?:cut|cutting) (?:again|deeper|deep)|cutting again|cut myself|(?:blade|razor|compass|sharpener) (?:\S+ ){0,3}(?:cut|skin|arm|wrist|thigh|bleed)|(?:hurt|harm|punish|burn|cut|starve) (?:my ?self)|(?:urge|urges|itch|craving) to (?:cut|hurt|bleed|sh)|relaps\S* (?:\S+ )?(?:cut|harm|sh)`),
      rule('cueBurden', x`(?:im|i am|i m|feel like|i feel|being|am|just|only) (?:\S+ ){0,3}(?:burden|liability|waste of (?:space|money|air))|(?:better|happier|easier) (?:off )?without me|without me (?:\S+ ){0,3}(?:better|happier|easier|fine)|(?:one less|no more) (?:problem|mouth|burden|trouble)|(?:ruin|ruined|ruining) (?:everyone|their|my (?:family|parents)) ?s? (?:lives?|life)`, 'sn'),
      rule('cueMeans', x`(?:sleeping |sleep |bp |blood pressure )?(?:pills?|tablets?|tabs|meds|capsules|paracetamol|crocin|dolo|painkillers|escitalopram|sertraline|fluoxetine|alprazolam|clonazepam|lorazepam|diazepam|zolpidem|amitriptyline|lithium|insulin|ibuprofen|aspirin|xanax|citalopram|quetiapine|olanzapine)|(?:rat |mouse )?poison|pesticide|insecticide|bleach|acid|kerosene|phenyl|harpic|rope|noose|dupatta|chunni|scarf|belt|gun|pistol|blade|razor|knife|strip|bottle of`),
      rule('cuePlace', x`roof\S*|terrace|balcony|ledge|railing|parapet|bridge|railway|rail line|train tracks?|tracks|metro line|river|lake|sea|ocean|cliff|canal|dam|(?:\d+\S* |top )floor|highway`),
      rule('cueMethod', x`jump\S*|hang(?:ing)?|hanged|overdos\S*|od|drown\S*|swallow\S*|slit\S*|step(?:ping)? (?:in front|onto|off)|walk(?:ing)? (?:into|onto|in front)|mix(?:ing)? (?:it|them)|lie down on|lying on`),
      rule('cueSeek', x`(?:how (?:many|much)|what (?:dose|amount)|which (?:pills?|meds|poison|way|method)) (?:\S+ ){0,12}(?:die|dying|dead|kill|lethal|fatal|deadly|overdose|not wake|never wake|end it|painless)|(?:painless|easiest|quickest|fastest|surest) (?:\S+ )?(?:way|method)s? (?:to )?(?:die|go|end|kill)|(?:which|what) (?:floor|height|building|bridge)(?: \S+){0,6} (?:high enough|enough|sure|die|fatal)|(?:high|tall) enough to be sure|(?:high|tall|strong|deep|enough) (?:enough )?to (?:die|kill)|(?:is|would|will|does|can|could) (?:\S+ ){1,6}(?:kill (?:me|you|a person|someone)|be (?:fatal|lethal|deadly))|(?:lethal|fatal|deadly) (?:dose|amount|quantity)s?(?! of (?:caffeine|coffee|water|salt|sugar|vitamins?|nicotine|energy))`, 'n'),
      rule('cueTook', x`(?:door|room|bathroom) (?:is )?(?:locked|shut)|not (?:opening|answering|picking up|replying|responding)|phone (?:is )?(?:off|switched off)|(?:cant|can t|cannot) reach (?:him|her|them)`, 'n'),
      rule('cueTook', x`(?:took|taken|swallowed|popped|drank|drunk|ate|had|downed|consumed|finished) (?:\S+ ){0,3}(?:pills?|tablets?|meds|strip|bottle|poison|pesticide|bleach|acid|kerosene)|(?:already|just) (?:took|swallowed|drank|did it|cut|jumped)|(?:getting|feel|feeling|going) (?:\S+ )?(?:dizzy|drowsy|sleepy|numb|faint|cold)|(?:cant|can t) (?:feel my|keep my eyes)`),
      rule('cueFuture', x`(?:thats|that s|that is) when|(?:bought|got|brought|ordered|purchased|arranged) (?:\S+ ){0,3}(?:pills|meds|tablets|poison|pesticide|rope|blade|razor|kerosene|bleach|acid|gun|escitalopram|sertraline|fluoxetine|alprazolam|clonazepam|lorazepam|diazepam|zolpidem|amitriptyline|lithium|insulin|ibuprofen|aspirin|xanax|citalopram|quetiapine|olanzapine)|(?:saving|saved|stockpil\S*|hoard\S*|collect\S*) (?:up )?(?:my |these |the |all )?(?:\S+ )?(?:pills|tablets|meds|medicine|escitalopram|sertraline|fluoxetine|alprazolam|clonazepam|lorazepam|diazepam|zolpidem|amitriptyline|lithium|insulin|ibuprofen|aspirin|xanax|citalopram|quetiapine|olanzapine)|(?:im|i am|i m|ill|i will|gonna|going to|about to|finna|ready to|plan(?:ning)? to|decided to|want to|wanna) (?:\S+ ){0,2}(?:do it|end it|jump|hang|take|drink|swallow|use|go)|(?:tonight|today|tomorrow) i (?:\S+ )?(?:will|ll|am)|(?:its|it is|everything is|all) (?:\S+ )?(?:planned|set|ready|decided|done)|(?:decided|made up my mind)`),
    ],
    mood: [
      rule('cueConcern', x`(?:worried|scared|afraid|concerned|terrified|anxious) (?:\S+ )?(?:about|abt|for) (?:her|him|them|my (?:friend|roommate|brother|sister|cousin|bestie|bff|flatmate|junior|senior))`, 'no'),
      rule('cueConcern', x`(?:has|have|got|took) my (?:pics|photos|pictures|videos|nudes|private)|unless i pay|(?:pay|paid) (?:\S+ ){0,2}(?:or else|unless|otherwise)|follow(?:s|ing)? me (?:\S+ ){0,2}(?:everywhere|home|daily|every day)|stalk\S*|hasnt (?:eaten|slept|talked|spoken)|(?:not|isnt|hasnt been) (?:eating|talking|sleeping)|hopeless\S*|worthless\S*|useless|loser|failure|pathetic|(?:hate|hating|disgust\S*) (?:my ?self|me)|numb(?!er)\S*|empty|emptiness|hollow|panic\S*|(?:cant|can t|cannot) (?:breathe|stop shaking|take (?:it|this) anymore|go on)|shaking|heart (?:is )?(?:racing|pounding)|abus\S*|(?:hits|hit|beats|beat|slaps|slapped|kicked|punched|touches|touched|groped) (?:\S+ )?(?:me|us|my|him|her)|molest\S*|harass\S*|stalk\S*|ragg\S*|hazing|seniors|blackmail\S*|threat\S*|extort\S*|(?:leak|send|post|share) (?:\S+ ){0,2}(?:pics|photos|pictures|videos|nudes)|(?:drunk|drinking|alcohol|booze|vodka|weed|ganja|high|stoned|drugs|pills|joints?) (?:\S+ ){0,4}(?:every|daily|cope|numb|forget|sleep|only way|cant stop)|(?:worried|scared|afraid|concerned|terrified) (?:\S+ )?(?:about|abt|for) (?:my|her|him|them)|(?:no|zero) (?:future|hope|way out)|nothing (?:will|ever|matters|good)|pointless|meaningless|(?:give|giving|gave) up|trapped|darkness|(?:im|i am|i m) (?:so )?(?:scared|terrified)`, 'n'),
    ],
    time: [
      rule('cueTime', x`tonight|tonite|2nite|today|right now|rn|now|tomorrow|tmrw|tmr|this (?:evening|morning|weekend|week)|in (?:an|a few|\d+) (?:hour|hours|mins?|minutes)|(?:at|by|before|after) (?:\d{1,2}(?::\d\d)?(?: ?(?:am|pm))?|midnight|dawn)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|when (?:everyone|everybody|they|my \S+) (?:\S+ )?(?:sleep|sleeps|asleep|leave|leaves|out)|after (?:the )?(?:results?|exams?|dinner)`, 'n'),
    ],
  },
  frames: [],
};

// ---- Hinglish ------------------------------------------------------------------------------------------
const HI_LATN_BAG: LexiconPart = {
  lang: 'hi-Latn',
  rules: {
    risk: [
      rule('cueDeath', x`(?<!(?:${LATN_PESTS}) )(?:(?:marna|marne|mrna|mrne|maru|marun|marunga|marungi|maroonga)|mar (?:jaun|jau|jaaun|jaau|jaoon|jaana|jana|jaane|jane|jaunga|jaungi|jaaunga|jaaungi|jaye|jaaye|jau)|(?:maut|mout|mrityu) (?:\S+ )?(?:aa jaye|aajaye|chahiye|de do|de de|aaye|aa jaaye)|khud ?kh?ushi|khudkusi|aa?tma?hatya|(?:jaan|zindagi|jindagi|zindgi|life) (?:\S+ )?(?:de (?:du|doon|dunga|dungi|dena)|dene|khatam|khtm|khatm|end) (?:\S+ )?(?:kar|kr|karna|karne|karu|karun|karunga|karungi|du|dunga|dungi|lu|lunga|lungi)?|d1e|die (?:kar|karna|ho)|(?:duniya|dunia) (?:se|chhod)|(?:sab|sabkuch|sab kuch) (?:\S+ )?(?:khatam|khtm|khatm) (?:kar|kr) ?(?:ega|egi|unga|ungi|dunga|dungi|lunga|lungi|du|lu)|(?:truck|bus|gaadi|train|accident) (?:\S+ ){0,3}(?:ho jaye|ho jaaye|maar de|thok de|uda de|kuchal de))`, 'H'),
      rule('cuePlace', x`nahar|canal`),
      rule('cueTook', x`phone (?:\S+ )?(?:off|band|switch off|switched off)`, 'n'),
      rule('cueDeath', x`(?:bhagwan|god|upar wala|uparwala|rab|ishwar) (?:\S+ ){0,8}(?:utha le|uthale|utha lo|bula le|bula lo)|(?:zinda|jinda) (?:to |toh )?(?:bilkul )?(?:nahi|nhi)|(?:bach|bachu) (?:\S+ )?(?:na|nahi) (?:paata|paati|paun|pau)|(?:mera|meri) (?:time|waqt|samay) (?:pura|poora|khatam)`, 'n'),
      rule('cueGoodbye', x`(?:galti|galati|kasoor|fault) (?:nahi|nhi) (?:thi|tha|hai)|(?:note|letter|chitthi|khat) (?:\S+ ){0,2}(?:pe|par|mein|me|neeche|niche|andar) (?:\S+ )?(?:hai|rakha|rakhi|padi|pada)|(?:mujhe|muje) (?:mat|na) (?:dhundhna|dhoondhna|dhundna)|kamra khali kar (?:dena|dijiye)|aakhri baar (?:baat|bol|mil)\S*`, 'sn'),
      rule('cueSeek', x`(?:kaunsa|konsa|kaun sa|kon sa|kaunsi|konsi|which) (?:\S+ )?(?:zeher|zehar|jahar|poison|dawa|dawai|goli)`, 'n'),
      rule('cueDeath', x`exist (?:nahi|nhi|na) (?:karna|krna|karni|krni|karna chahta|karna chahti|rehna|rahna)`, 'n'),
      rule('cueSeek', x`(?:kaise|kese|kaisay|kaisey) (?:\S+ )?(?:lagate|lagaye|lagaen|lagaun|lagau|marte|mare|marein|kaate|kaatein|kaatu|khaye|khate|peete|pite)\S*|(?:ye|yeh|vo|wo|aisa|suicide|khudkushi) (?:kaise|kese|kaisay|kaisey) (?:karte|kare|karein)\S*|(?<=(?:suicide|khudkushi|khudkhushi|aatmahatya|atmahatya|aatmhatya|marna|marne|maut)\S* (?:\S+ ){0,10})(?:kaise|kese|kaisay|kaisey) (?:\S+ )?(?:karte|kare|karein)\S*|(?:kaise|kese|kaisay|kaisey) (?:ye|yeh|vo|wo|aisa|suicide|khudkushi) (?:karte|kare|karein)\S*`, 'n'),
      rule('cueSeek', x`(?:tarika|tareeka|tarike|way) (?:\S+ ){0,3}(?:dard|pain) (?:na|nahi|nhi) (?:ho|hoga)`, 'n'),
      rule('cueDeath', x`(?:bike|scooty|gaadi|car) (?:\S+ ){0,5}(?:thok\S*|ghusa\S*|maar dunga|maar dungi)`),
      rule('cueGoodbye', x`(?:letter|chitthi|note) (?:\S+ ){0,2}(?:likh|likhke|likh ke|likh kar) (?:\S+ )?(?:rakh|diya|di|li|liya)\S*`, 'sn'),
      // Not coming back ("wapas aane ka plan nahi hai"): the negation is the sign.
      rule('cueGoodbye', x`(?:wapas|vapas|waapas|lautke|laut ke) (?:aane|aana|aaungi|aaunga|aaoongi|aaoonga) (?:\S+ ){0,2}(?:nahi|nhi)|(?:wapas|vapas|waapas) (?:nahi|nhi) (?:aaungi|aaunga|aaoongi|aaoonga|aana)`, 'sn'),
      rule('cueConcern', x`(?:koi )?(?:umeed|ummeed|umid|hope) (?:\S+ )?(?:nahi|nhi|hi nahi)|kuch nahi badlega`, 'n'),
      rule('cueDeath', x`(?:na|nahi|nhi) (?:rahu|rahun|rahunga|rahungi|rahoonga|bachu|bachun|bachunga|bachungi)|(?:uthna|uthu|uthun|utthu|jaagu) (?:\S+ )?(?:nahi|na|nhi)|(?:na|nahi|kabhi na) (?:uthu|uthun|uthoon|jaagu|jagu)|(?:zinda|jinda) (?:nahi|nhi|na) (?:rehna|rahna|rahunga|rahungi)|(?:jee|ji|jeekar|jee kar|jeeke|jee ke|ji ke|jinda reh ke|zinda reh ke|zinda rehkar|jinda rehkar) (?:\S+ )?(?:kya|kia) (?:karu|karun|karunga|karungi|karna|fayda|faida|matlab)`, 'n'),
      rule('cueSeek', x`(?:kitni|kitne|kaunsi|konsi|kaun si|kon si|kaunsa|konsa|kis) (?:\S+ ){0,7}(?:mar|marte|marne|maut|mout|lethal|khatam|dard nahi|bina dard|uth\S*|bach\S*)\S*|(?:aasan|asan|easy|painless|bina dard) (?:\S+ )?(?:tarika|tareeka|tarike|tareeke|tareke|way|ways|method|methods)|(?:kitni|kitne|kitna) (?:\S+ ){0,9}(?:na|nahi|nhi) (?:bache|bachu|bachun|bachega|uthe|uthu|uthun|uthega)`, 'n'),
      rule('cueTook', x`(?:darwaza|darwaja|door|kamra|room) (?:\S+ )?(?:nahi|nhi) (?:khol|khul)\S*|(?:phone|call) (?:\S+ )?(?:nahi|nhi) (?:utha|uthata|uthati|utha raha|utha rahi|lag raha)|(?:band|lock) (?:hai|h|kar liya|kar li) (?:\S+ )?(?:andar|bathroom|kamre)`, 'n'),
      rule('cueGoodbye', x`alvida|alwida|(?:aakhri|akhri|antim|last) (?:msg|message|baar|baat|din|raat)(?! (?:hai |h )?(?:\S+ )?(?:office|college|school|internship|job|kaam|hostel|class|ghar|yaha|yahan|trip|exam|ka|ki|ke))|maaf kar (?:dena|do|diyo)|(?:sorry|maafi) (?:bolna|kehna|keh dena)|bura mat (?:maanna|manna|mana)|koi mat (?:rokna|roko)|(?:ab )?(?:mujhe|muje) (?:kya|kyaa) (?:zaroorat|zarurat|jarurat)|(?:ko|lai) de (?:diye|diya|di|dunga|dungi)|(?:bye|alvida) (?:hamesha|humesha) ke liye|(?:sab ?ko|sabko|sab ka|sabka) (?:\S+ )?(?:thanks|thank you|thanku|shukriya|dhanyavad)|(?:mujhe )?yaad (?:mat|na) (?:karna|rakhna)|thanks? (?:for everything|sab ke liye|sabke liye)|shukriya sab|(?:kaam|kam) (?:aayenge|aayega|aaega|aaenge|aayegi)|(?:zarurat|zaroorat|jarurat) (?:nahi|nhi) (?:padegi|hogi|rahegi)|(?:tension|pareshani|takleef) (?:nahi|nhi) (?:leni|hogi|degi|dunga|dungi|karni) (?:padegi)?|(?:kal|aaj ke baad|iske baad) (?:\S+ ){0,2}(?:na rahu|nahi rahunga|nahi rahungi|nahi milunga|nahi milungi|nahi dikhunga|nahi dikhungi)|(?:de (?:diya|di|diye)|dedi|dediya) (?:\S+ ){0,3}(?:mere baad|kaam aayenge)|mere baad`, 'sn'),
      rule('cueSelfHarm', x`blade (?:\S+ )?(?:chala|chalaya|chalayi|chalaye|chalati|chalata|lagaya|lagayi|mara|maari)|(?:cuts?|cutting|kaat|kaata|kaati|kaatna|kaatne|kat|blade|zakhm|ghaav|jala|jalaya|jalati) (?:\S+ ){0,3}(?:laga|lagaya|lagayi|lagati|lagata|laga rahi|laga raha|hath|haath|kalai|baazu|arm|wrist)|(?:hath|haath|kalai|kalaai|baazu|bazu|jaangh|wrist|arm) (?:\S+ ){0,2}(?:cuts?|kaat|kat|blade|zakhm|ghaav|nishan)|${'khud'} ko (?:\S+ )?(?:hurt|harm|kaat|chot|nuksan|nuksaan|saza|jala)|self ?harm\S*`),
      rule('cueBurden', x`(?:main|mai|me|khud) (?:\S+ ){0,2}(?:bojh|boj|bojha|burden|bhaar)|(?:bojh|boj|bojha|burden|bhaar) (?:hu|hoon|hun|ban|bana|bani|ban gaya|ban gayi|hi hu|matra|banke|ban ke)|mere (?:bina|na hone se|na rehne se|jaane ke baad) (?:\S+ ){0,3}(?:khush|behtar|better|accha|achha|aasan|asaan|sukhi)|(?:tension|pareshani|bojh|kharcha) (?:kam|khatam) (?:ho )?(?:jayegi|jayega|jaegi|jaega|hogi|hoga)`, 'sn'),
      rule('cueMeans', x`(?:neend ki |sleeping )?(?:goli|goliyan|goliya|goliyaan|tablets?|pills?|dawai|dawa|dawaiyan|strip|patta|patti)|(?:chuha|chuhe|chuho) (?:maar|mar|maarne|marne)\S*|zeher|zehar|jeher|jahar|vish|keetnashak|kitnashak|pesticide|tezaab|acid|phenyl|harpic|kerosene|rassi|rasi|fanda|phanda|fansi|phansi|dupatta|chunni|blade|chaku|chaaku|bandook|pistol|shishi|bottle`),
      rule('cuePlace', x`chhat|chat(?= (?:pe|par|se))|terrace|balcony|railing|muder|pul|bridge|railway|railway line|patri|track|train|metro|nadi|ghat|ganga|talab|samundar|kuan|kuen|pahad|building|floor|manzil|highway`),
      rule('cueMethod', x`(?:train|truck|bus|gaadi|gadi|local) (?:ke )?(?:aage|neeche|niche|samne|saamne) (?:\S+ )?(?:ja\S*|chala\S*|chali\S*|aane|aana|kood\S*|kud\S*|lait\S*|let\S*)|kood\S*|kud(?:na|ne|unga|ungi|u|ega|egi)|chhalang|latak\S*|lataka\S*|jhool\S*|fansi|phansi|nigal\S*|doob\S*|dub (?:jaun|jaungi|jaunga|ke)|utar (?:jaun|jaungi|jaunga)|overdose`),
      rule('cueTook', x`(?:munder|mundher|mundir|muder|railing|kinare|kinaare|edge|ledge) (?:pe|par|pr|ke upar)|(?:railway line|railway track|patri|patriyon|track) (?:pe|par|pr|ke paas|ke pass) (?:\S+ )?(?:baitha|baithi|khada|khadi|leta|leti|lait)|(?:le ke|leke|lekar|haath me|hath me|haath mein) (?:\S+ )?(?:baitha|baithi|khada|khadi)|(?:kha|khaa|pi|pee|nigal|le) (?:li|liya|lee|lia|liye|chuka|chuki|gaya|gayi|dali|daali)|(?:ulti|ultiyan|ultiya|chakkar|behosh|hosh)(?: \S+)? (?:aa|kar|ho|nahi)|(?:kat|kaat) (?:gaya|gayi|liya|li|diya)`),
      rule('cueFuture', x`(?:kar|kr|pee|pi|kha|le|laga|kood|latak) (?:lunga|lungi|loonga|lu|lun|dunga|dungi)|(?:jaunga|jaungi|jaaunga|jaaungi)|(?:wala|wali|waala|waali) (?:hu|hoon|hun)|(?:ja|jaa) (?:raha|rahi|rha|rhi) (?:hu|hoon|hun)|(?:plan|tay|tai|set|ready|taiyaar|tayyar|decide|faisla) (?:\S+ )?(?:ho gaya|ho gayi|kar liya|kar li|hai|h)|soch (?:liya|li) (?:\S+ )?(?:hai|h)?|(?:le|la) (?:aaya|aayi|aya|ayi|aaye) (?:hu|hoon|hun)?|kharid (?:liya|li|layi|laya|lai)|(?:tabhi|tab) (?:karunga|karungi|kar lunga|kar lungi)|(?:gehra|gehri) (?:\S+ )?(?:karunga|karungi|kaatunga|kaatungi|katunga|katungi)`),
    ],
    mood: [
      rule('cueConcern', x`(?:uski|uske|unki|unke|iski|iske) (?:\S+ )?(?:chinta|fikar|fikr|tension|dar|darr)|(?:dar|darr|chinta|fikar) (?:\S+ ){0,2}(?:uske|uski|unke|unki) (?:liye|baare|bare)`, 'no'),
      rule('cueConcern', x`(?:peecha|picha|pichha|peechha) (?:\S+ )?(?:karta|karti|karte|kar raha)|follow (?:karta|karti|karte|kar raha)|(?:uski|uske|unki|unke|iski) (?:\S+ )?(?:chinta|fikar|fikr|tension|dar)|(?:kha|khaa) (?:nahi|nhi) (?:raha|rahi|rhi|rha)|bekaar|bekar|nikamma|nikammi|nalayak|naalayak|loser|failure|haara|(?:khud|apne aap) se (?:nafrat|ghin|ghrina|chid)|nafrat|sunn|khaali|khali|khalipan|ghabrahat|ghabra\S*|(?:saans|sans) (?:\S+ )?(?:nahi|nhi|ruk|phool|fool)|panic|dil (?:\S+ )?(?:dhadak|dhak)|(?:maarte|marte|maarta|marta|maarti|peet\S*|pit\S*|pitai|thappad|laat) (?:\S+ )?(?:hai|hain|h|the|tha|mujhe|muje|hume)|(?:chhoo|chhu|chhute|chhoote|chhua|touch) (?:\S+ )?(?:karta|karte|kiya|hai|hain)|galat (?:tarike|tareeke|tareke|tarah|harkat|nazar)|ragging|raging|seniors?|murga|blackmail\S*|dhamki\S*|dhamka\S*|viral|leak|(?:paise|paisa|pese) (?:\S+ )?(?:maang|mang)\S*|daaru|daru|sharab|sharaab|ganja|weed|nasha|drugs|andhera|(?:kuch|kuchh) (?:bhi )?(?:accha|achha|theek|thik|sahi) (?:nahi|nhi)|(?:koi )?(?:fayda|faida|matlab|umeed|ummeed|umid|raasta|rasta) (?:nahi|nhi)|(?:dar|darr|chinta|fikar|tension) (?:\S+ )?(?:lag|ho) (?:raha|rahi|rha|rhi)? ?(?:hai|h)? ?(?:uske|uski|unke|uska)|jabardasti|zabardasti`, 'n'),
    ],
    time: [
      rule('cueTime', x`aaj|aj|abhi|abi|kal|raat|rat ko|parso|(?:somvar|mangalvar|budhvar|guruvar|shukravar|shanivar|ravivar|sunday|monday|friday|saturday) ko|(?:andhera|andhere) (?:hote|hone|hone par)|(?:result|exam|paper) (?:ke )?baad|jab (?:\S+ )?(?:so|sone|bahar)`, 'n'),
    ],
  },
  frames: [],
};

// ---- Hindi (Devanagari) --------------------------------------------------------------------------------
const HI_BAG: LexiconPart = {
  lang: 'hi',
  rules: {
    risk: [
      rule('cueDeath', x`(?<!(?:चूहे|चूहा|चूहों|कीड़े|कीड़ों|कीडे|खटमल|मक्खी|मच्छर|दीमक) )(?:(?:मरना|मरने|मरूं|मरूँ|मरूंगा|मरूंगी)|मर (?:जाऊं|जाऊँ|जाना|जाने|जाऊंगा|जाऊंगी|जाऊँगा|जाऊँगी|जाए)|(?:मौत|मृत्यु) (?:\S+ )?(?:आ जाए|चाहिए|दे दो|दे दे|आए)|आत्महत्या|आत्म हत्या|खुदकुशी|सुसाइड|(?:जान|जिंदगी|ज़िंदगी|जीवन) (?:\S+ )?(?:दे|देना|देने|दूंगा|दूंगी|खत्म|ख़त्म|समाप्त)|(?:दुनिया|संसार) (?:से|छोड़)|(?:सब|सबकुछ|सब कुछ) (?:खत्म|ख़त्म)|(?:ट्रक|बस|गाड़ी|ट्रेन|एक्सीडेंट) (?:\S+ ){0,3}(?:हो जाए|मार दे|उड़ा दे|कुचल दे))`),
      rule('cueDeath', x`(?:भगवान|ईश्वर|ऊपरवाले|ऊपर वाले)\S* (?:\S+ ){0,8}(?:उठा ले|उठा लो|बुला ले|बुला लो)|(?:ज़िंदा|जिंदा) (?:तो )?(?:बिल्कुल )?(?:नहीं)|(?:बच) (?:\S+ )?(?:न|ना|नहीं) (?:पाता|पाती|पाऊं|पाऊँ)|(?:जा चुका|जा चुकी) (?:होऊंगा|होऊंगी|होऊँगा|होऊँगी|हूंगा|हूंगी)|(?:मेरा|मेरी) (?:वक्त|वक़्त|समय) (?:पूरा|खत्म|ख़त्म)|(?:मेरा|मेरी) (?:न|ना) (?:होना|रहना)`, 'n'),
      rule('cueGoodbye', x`(?:झेलना|सहना) (?:नहीं )?पड़ेगा|(?:नोट|चिट्ठी|खत|लेटर) (?:\S+ ){0,3}(?:में|पर|पे) (?:\S+ )?(?:है|रखा|रखी)|कमरा खाली कर (?:देना|दीजिए|दो)|(?:मुझे )?(?:मत|ना) (?:ढूंढना|ढूँढना)|(?:गलती|कसूर|दोष) (?:नहीं) (?:थी|था|है)`, 'sn'),
      rule('cueSeek', x`(?:कौन सा|कौनसा|कौन सी|कौनसी) (?:\S+ )?(?:ज़हर|जहर|दवा|दवाई|गोली)`, 'n'),
      rule('cueSelfHarm', x`(?:कंपास|ब्लेड|कांच|नाखून)\S* (?:से )?(?:\S+ ){0,3}(?:खरोंच|खरोच|खुरच|कुरेद)\S*`),
      rule('cuePlace', x`टंकी|नहर|घाट`),
      rule('cueSelfHarm', x`(?:नस|नसें|कलाई) (?:\S+ )?(?:कट|काट)\S*`),
      rule('cueSeek', x`(?<!(?:ध्यान|मन|दिल|दिमाग) )कैसे (?:\S+ )?(?:लगाते|लगाएं|लगाएँ|लगाऊं|मरते|मरें|काटें|काटते)\S*|(?:ये|यह|वो|वह|ऐसा|इसे|खुद को|ख़ुद को|आत्महत्या|सुसाइड) कैसे (?:करते|करें|खाएं|खाते|पीते)\S*`, 'n'),
      rule('cueTook', x`(?:नस|कलाई) (?:\S+ )?कट (?:गई|गया)|(?:तौलिया|तौलिये|कपड़ा) (?:\S+ )?(?:लाल|भीग)|(?:घोल|मिला) (?:के|कर|दी|दिया)|(?:किनारे|छोर|किनारा) (?:पर|पे) (?:\S+ )?(?:खड़ा|खड़ी|बैठा|बैठी)`, 'n'),
      rule('cuePlace', x`प्लेटफॉर्म|प्लेटफार्म|मालगाड़ी`),
      rule('cueGoodbye', x`(?:वापस|लौटकर|लौट के) (?:\S+ ){0,3}(?:नहीं|नही) (?:आऊंगी|आऊंगा|आऊँगी|आऊँगा|आना|लौटूंगी|लौटूंगा)|(?:वापस|लौट) (?:आने|आना) (?:का|की) (?:\S+ )?(?:प्लान|इरादा) (?:नहीं|नही)`, 'sn'),
      rule('cueGoodbye', x`(?:चिट्ठी|खत|लेटर) (?:\S+ ){0,3}(?:रख दी|रख दिया|लिख दी|लिख दिया|लिख ली)|(?:चली|चला) (?:जाऊंगी|जाऊँगी|जाऊंगा|जाऊँगा)|दे (?:दी|दीं|दिया|दिए) (?:\S+ ){0,5}काम (?:आएंगी|आएँगी|आएंगे|आएँगे|आएगा|आएगी)`, 'sn'),
      rule('cueSelfHarm', x`(?:कंपास|ब्लेड|कांच)\S* (?:से )?(?:\S+ ){0,2}(?:खुरच|काट|कुरेद)\S*`),
      rule('cueDeath', x`(?:दिमाग|मन) (?:में )?(?:\S+ ){0,2}(?:मौत|मरना|मरने)`),
      rule('cueConcern', x`बेरंग|न रोना आता|साँस (?:\S+ )?अटक|दिल का दौरा|बिना पिए|पीने लगा|पीने लगी`, 'n'),
      rule('cueConcern', x`(?:कुछ|कुछ भी) कर न ले`, 'no'),
      rule('cueDeath', x`(?:न|नहीं) (?:रहूं|रहूँ|रहूंगा|रहूंगी|रहूँगा|रहूँगी|रहा तो|रहने|बचूं|बचूँ|बचूंगा|बचूंगी)|(?:उठूं|उठूँ|उठना|जागूं) (?:\S+ )?(?:नहीं|न)|(?:न|नहीं|ना) (?:उठूं|उठूँ|जागूं|जागूँ|उठना)|(?:जिंदा|ज़िंदा) (?:नहीं|न) (?:रहना|रहूंगा|रहूंगी)|(?:जी के|जीके|जीकर|जी कर|ज़िंदा रहकर|जिंदा रहकर|ज़िंदा रह के|जिंदा रह के) (?:\S+ )?क्या (?:करूं|करूँ|करूंगा|करूँगा|करूंगी|करना|फायदा|फ़ायदा|मतलब)`, 'n'),
      rule('cueSeek', x`(?:कितनी|कितने|कौन सी|कौनसी|कौन सा|कौनसा|किस) (?:\S+ ){0,5}(?:मर|मरते|मरने|मौत|खत्म|दर्द नहीं|बिना दर्द|बचता|बचते|बचेगा|उठता|उठते)\S*|(?:आसान|बिना दर्द) (?:\S+ )?(?:तरीका|तरीके)|(?:कितनी|कितने|कितना) (?:\S+ ){0,9}(?:न|ना|नहीं) (?:बचे|बचूं|बचूँ|बचेगा|उठे|उठूं|उठूँ|उठेगा)`, 'n'),
      rule('cueTook', x`गले में (?:\S+ )?(?:फंदा|रस्सी|दुपट्टा)|(?:फंदा|रस्सी) (?:\S+ )?(?:डाल|लगा|बांध) (?:लिया|ली)|स्टूल (?:\S+ )?(?:हटाना|हटा)|(?:नस|नसें|कलाई) (?:\S+ )?काट (?:रहा|रही|रहे|ली|लिया|दी|दिया)|(?:दरवाजा|दरवाज़ा|कमरा) (?:\S+ )?(?:नहीं) (?:खोल|खुल)\S*|(?:फोन|फ़ोन|कॉल) (?:\S+ )?(?:नहीं) (?:उठा)\S*`, 'n'),
      rule('cueGoodbye', x`अलविदा|(?:आखिरी|आख़िरी|अंतिम|लास्ट) (?:मैसेज|संदेश|बार|बात|दिन|रात|चिट्ठी)(?! (?:है )?(?:\S+ )?(?:ऑफिस|कॉलेज|स्कूल|इंटर्नशिप|नौकरी|काम|हॉस्टल|क्लास|घर|यहां|ट्रिप|परीक्षा|का|की|के))|माफ (?:करना|कर देना|कर दो)|माफ़ (?:करना|कर देना|कर दो)|सॉरी (?:बोलना|कहना)|(?:सबका|सबको|सब का) (?:\S+ )?(?:शुक्रिया|धन्यवाद|थैंक्यू)|(?:मुझे )?याद (?:मत|ना) (?:करना|रखना)|(?:दे|दे दी|दे दीं|दे दिया|दे दिए) (?:\S+ ){0,2}(?:अब|मेरे) (?:\S+ )?(?:किसी )?काम (?:की|का|के) नहीं|(?:थैंक्यू|धन्यवाद|शुक्रिया) (?:सबको|सब|सबका)|(?:सबको|सब) (?:थैंक्यू|धन्यवाद|शुक्रिया)|मेरे बाद|काम (?:आएंगे|आएँगे|आएगा|आएगी)|(?:जरूरत|ज़रूरत) (?:नहीं) (?:पड़ेगी|होगी)|(?:परेशान|तंग|तकलीफ) नहीं (?:करूंगा|करूंगी|करूँगा|करूँगी|होगी|दूंगा|दूंगी)`, 'sn'),
      rule('cueSelfHarm', x`(?:कट|काट|कटिंग|ब्लेड|जख्म|ज़ख्म|घाव)\S* (?:\S+ ){0,3}(?:हाथ|कलाई|बाजू|जांघ)\S*|(?:हाथ|कलाई|बाजू|जांघ)\S* (?:\S+ ){0,3}(?:कट|काट|ब्लेड|जख्म|ज़ख्म|घाव|निशान|जला)\S*|(?:खुद|अपने आप) को (?:\S+ )?(?:नुकसान|चोट|काट\S*|जला\S*|सजा|सज़ा|हर्ट)|(?:सिगरेट|लाइटर|cigarette)\S* (?:\S+ ){0,3}(?:जला\S*|जलाने|दाग)`),
      rule('cueBurden', x`(?:मैं|खुद) (?:\S+ ){0,2}(?:बोझ|भार)|(?:बोझ|भार) (?:हूं|हूँ|बन|बना|बनी|बन गया|बन गई|ही हूं)|मेरे (?:बिना|न होने|न रहने|जाने) (?:\S+ ){0,4}(?:खुश|बेहतर|अच्छा|आसान|सुखी)|(?:टेंशन|परेशानी|बोझ|खर्च) (?:कम|खत्म|ख़त्म) (?:हो )?(?:जाएगी|जाएगा|होगी|होगा)`, 'sn'),
      rule('cueMeans', x`(?:चूहे|चूहा|चूहों|कीड़े|कीड़ों|कीडे|खटमल|मच्छर|दीमक) (?:मारने|मार)\S* (?:की |वाली )?(?:दवा|दवाई|गोली|ज़हर|जहर)\S*|(?:नींद की )?(?:गोली|गोलियां|गोलियाँ|दवा|दवाई|दवाइयां|टैबलेट|पत्ती|पत्ता|स्ट्रिप)|(?:चूहे|चूहा) (?:मारने|मार)\S*|जहर|ज़हर|विष|कीटनाशक|मिट्टी का तेल|केरोसीन|तेजाब|तेज़ाब|फिनाइल|केरोसिन|रस्सी|फंदा|फंदे|फांसी|दुपट्टा|चुन्नी|ब्लेड|चाकू|बंदूक|शीशी|बोतल`),
      rule('cuePlace', x`छत|टैरेस|बालकनी|रेलिंग|मुंडेर|पुल|ब्रिज|रेलवे|पटरी|ट्रैक|ट्रेन|रेल|मेट्रो|नदी|घाट|गंगा|तालाब|समुद्र|कुआं|कुएं|पहाड़|बिल्डिंग|मंजिल|हाईवे|पानी में`),
      rule('cueMethod', x`कूद\S*|छलांग|लटक\S*|झूल\S*|फांसी|निगल\S*|डूब\S*|उतर (?:जाऊं|जाऊँ|जाऊंगी|जाऊंगा|जाऊँगी|जाऊँगा)|ओवरडोज`),
      rule('cueTook', x`(?:खा|पी|निगल|ले) (?:ली|लिया|लीं|लिए|चुका|चुकी|डाली)|(?:उल्टी|उल्टियां|उल्टियाँ|चक्कर|बेहोश|होश)(?: \S+)? (?:आ|कर|हो|नहीं)|(?:कट|काट) (?:गया|गई|लिया|ली)`),
      rule('cueFuture', x`(?:कर|पी|खा|ले|लगा|कूद|लटक) (?:लूंगा|लूंगी|लूँगा|लूँगी|लूं|दूंगा|दूंगी)|(?:जाऊंगा|जाऊंगी|जाऊँगा|जाऊँगी)|(?:वाला|वाली) (?:हूं|हूँ)|जा (?:रहा|रही) (?:हूं|हूँ)|(?:प्लान|तय|तैयार|फैसला|पक्का) (?:\S+ )?(?:हो गया|हो गई|कर लिया|कर ली|है)|(?:छुपा|छिपा|रख) (?:दी|दिया|ली|लिया)|(?:ले|ला) (?:आई|आया|आए) (?:हूं|हूँ)?|खरीद (?:ली|लिया|लाई|लाया)`),
    ],
    mood: [
      rule('cueConcern', x`(?:उसकी|उसके|उनकी|उनके) (?:\S+ )?(?:चिंता|फिक्र|फ़िक्र|डर)|(?:डर|चिंता|फिक्र) (?:\S+ ){0,2}(?:उसके|उसकी|उनके) (?:लिए|बारे)`, 'no'),
      rule('cueConcern', x`बेकार|नाकाम|नाकामयाब|निकम्मा|निकम्मी|नालायक|असफल|(?:खुद|अपने आप) से (?:नफरत|नफ़रत|घिन|घृणा)|नफरत|नफ़रत|सुन्न|खालीपन|घबराहट|घबरा\S*|(?:सांस|साँस) (?:\S+ )?(?:नहीं|रुक|फूल)\S*|पैनिक|धड़क\S*|धडक\S*|हार्ट अटैक|(?:उसकी|उसके|उनकी|उनके) (?:\S+ )?(?:चिंता|फिक्र|फ़िक्र|डर)|पीछा (?:\S+ )?(?:करता|करती|करते)|(?:मारते|मारता|मारती|पीट\S*|पिटाई|थप्पड़|लात) (?:\S+ )?(?:हैं|है|थे|था|मुझे|हमें)|(?:छूते|छूता|छुआ|टच) (?:\S+ )?(?:हैं|है|करता|करते)|गलत (?:तरीके|तरह|हरकत|नजर|नज़र)|रैगिंग|सीनियर\S*|मुर्गा|ब्लैकमेल\S*|धमकी\S*|धमका\S*|वायरल|लीक|(?:पैसे|पैसा) (?:\S+ )?(?:मांग|माँग)\S*|प्राइवेट (?:फोटो|फ़ोटो|तस्वीर)|शराब|दारू|गांजा|गाँजा|नशा|नशे|अंधेरा|(?:कुछ|कोई) (?:भी )?(?:अच्छा|ठीक|सही|फायदा|फ़ायदा|उम्मीद|रास्ता) (?:नहीं)|(?:डर|चिंता|फिक्र) (?:\S+ )?(?:लग|हो) (?:रहा|रही)|जबरदस्ती|ज़बरदस्ती`, 'n'),
    ],
    time: [
      rule('cueTime', x`आज|अभी|कल|रात|परसों|(?:सोमवार|मंगलवार|बुधवार|गुरुवार|शुक्रवार|शनिवार|रविवार)|(?:अंधेरा|अँधेरा) (?:होते|होने)|(?:रिजल्ट|परीक्षा|एग्जाम) (?:के )?बाद|जब (?:\S+ )?(?:सो|सोने|बाहर)`, 'n'),
    ],
  },
  frames: [],
};

// ---- Nepali (Devanagari) -------------------------------------------------------------------------------
const NE_BAG: LexiconPart = {
  lang: 'ne',
  rules: {
    risk: [
      rule('cueDeath', x`(?<!(?:मुसा|मुसो|उपियाँ|उडुस|किरा|कीरा|साङ्लो|झिंगा|लामखुट्टे) )(?:मर्न|मर्ने|मर्छु|मरौं|मरौँ|मर्नेछु|मरिदिन्छु|मरेकै|मरेको भए|मरे (?:\S+ )?हुन्थ्यो|(?:मृत्यु|मरण) (?:\S+ )?(?:आओस्|आए|चाहियो|चाहिन्छ)|आत्महत्या\S*|सुसाइड\S*|ज्यान (?:\S+ )?(?:दिन|दिन्छु|फाल|लिन)\S*|(?:जीवन|जिन्दगी)\S* (?:\S+ )?(?:अन्त्य|अन्त|समाप्त|खत्तम)\S*|(?:संसार|दुनिया)\S* (?:\S+ )?(?:छोड्\S*|बाट जान्छु)|सबै (?:\S+ )?(?:सकिन्छु|सक्छु|सकिदिन्छु|सिध्याउँछु)|(?:गाडी|ट्रक|बस|मोटर)\S* (?:\S+ )?(?:हानि|ठक्कर|किच)\S* (?:\S+ ){0,2}हुन्थ्यो)`),
      rule('cueDeath', x`म (?:\S+ )?(?:हुन्नँ|हुन्न|हुन्नं|रहन्नँ)|(?:सधैं|सधैँ)\S* (?:\S+ ){0,2}हराइ\S*|(?:जुनी|जन्म)\S* (?:\S+ )?(?:नपाएको|नलिएको) (?:\S+ )?(?:भए )?हुन्थ्यो|सबै (?:\S+ )?सकिन्छ|हटिदिन्छु`, 'n'),
      rule('cueGoodbye', x`(?:कसैलाई|कसैको) (?:\S+ )?(?:दुःख|दुख) (?:दिन्न|दिन्नँ|दिने छैन)|मलाई नखोज\S*|(?:कोठा|कोठामा) (?:\S+ )?खाली गरि\S*|सम्झिरहनू|सम्झिरहनु`, 'sn'),
      rule('cueBurden', x`मेरो भार|(?:टाउको दुखाइ|समस्या|बोझ|भार) (?:मात्र|मात्रै) (?:हुँ)`, 'sn'),
      rule('cueSelfHarm', x`कोतर\S*|छाला (?:\S+ )?(?:उप्क|कोतर)\S*|(?:शरीर|हात)\S* (?:\S+ )?चोट (?:\S+ )?(?:नलगाई|लगाउ)\S*`, 'n'),
      rule('cueFuture', x`लगाउँछु|लगाउंछु|बाँध्छु|झुण्ड्याउँछु|तयार छ`),
      rule('cueMethod', x`(?:ग्यास|सिलिन्डर)\S* (?:\S+ ){0,2}खोले\S*`),
      rule('cueMeans', x`ग्यास सिलिन्डर\S*|सिलिन्डर\S*`),
      rule('cueTime', x`बिहान\S*|बेलुका\S*|\d+ बजे`, 'n'),
      rule('cueSeek', x`कसरी (?:\S+ )?(?:लगाउने|मर्ने|मरिन्छ|काट्ने|खाने)\S*|(?:यो|त्यो|यस्तो|आफैं|आफै|आफूलाई|आफैलाई|आत्महत्या)\S* कसरी गर्ने\S*|(?<=(?:आत्महत्या|मर्न|मर्ने|मृत्यु)\S* (?:\S+ ){0,10})कसरी गर्ने\S*|कसरी (?:यो|त्यो|यस्तो|आफैं|आफै|आफूलाई|आफैलाई|आत्महत्या)\S* गर्ने\S*`, 'n'),
      rule('cueTook', x`(?:ग्यास|सिलिन्डर)\S* (?:\S+ ){0,2}खोले\S*|स्टूलमा (?:\S+ )?उभि\S*`, 'n'),
      rule('cueGoodbye', x`(?:चिठी|चिट्ठी) (?:\S+ )?लेखिसकें|लेखिसकेँ|बाँडिदिएँ|बाँडिदिएं|(?:अब )?मलाई के काम|मलाई बिर्सि\S*`, 'sn'),
      rule('cueDeath', x`(?:सुतेको|सुत्यै) (?:\S+ )?(?:सुत्यै|रहन) (?:\S+ )?(?:पाए|हुन्थ्यो)|(?:भगवानले|ईश्वरले) (?:\S+ )?(?:लगिदिए|लैजाऊन्|उठाइदिए)|(?:आफूलाई|आफैलाई|आफैंलाई) (?:\S+ )?(?:सिध्या\S*|मार्ने|मार्\S*)`, 'n'),
      rule('cueBurden', x`भार (?:मै|म नै) (?:हुँ)|सबैको भार|म नभए (?:\S+ ){0,4}(?:घट्थ्यो|घट्छ|कम हुन्थ्यो)`, 'sn'),
      rule('cueConcern', x`केही गर्ला कि|(?:केही|कुनै) (?:\S+ )?गर्ला कि`, 'no'),
      rule('cueConcern', x`धम्क्या\S*|पछ्याउँछ\S*|पछ्याउछ\S*|बाहिर ल्याइदिन्छु`, 'n'),
      rule('cueDeath', x`(?:रहन्नँ|रहन्न|रहन्नं|नरहे|नरहुँ|नबाँचुँ)|(?:नउठ|नबिउँझ|नबिउझ|नब्यूँझ|नब्युँझ)\S*|म (?:\S+ )?(?:हुनेछैन|हुने छैन|रहनेछैन|रहने छैन)|(?:बाँच्न|बाँच्ने|जिउन) (?:\S+ )?(?:मन छैन|मन लाग्दैन|इच्छा छैन)|(?:बाँचेर|बाचेर|बचेर|जिएर) (?:\S+ )?के (?:नै )?(?:गरूँ|गरुँ|गर्नु|गर्ने|गर्छु|फाइदा|काम|मतलब)`, 'n'),
      rule('cueSeek', x`(?:कुन|कति|कसरी|कस्तो) (?:\S+ ){0,6}(?:मरिन्छ|मर्छ|मर्छन्|मर्न|मर्दा|दुख्छ|दुख्दैन|मृत्यु|उठ्दैन|उठ्दैनन्|बाँच्दैन|ब्युँझिँदैन|ब्युझिँदैन)\S*`, 'n'),
      rule('cueTook', x`(?:भित्रबाट|भित्र) (?:\S+ )?(?:आवाज|बोल्\S*) (?:\S+ )?(?:आउँदैन|छैन|आउदैन)|ढोका (?:\S+ )?(?:खोल्दैन|खोल्दिन|थुन\S*)|कोठा (?:\S+ )?(?:थुन\S*|बन्द)|ढोका (?:\S+ )?(?:लगाए\S*|थुने\S*|बन्द)|काटिरहे\S*|फोन (?:\S+ )?(?:उठाउँदैन|उठाउँदिन|उठाउदैन|अफ)|(?:रेलिङ|डिल|किनार)\S* (?:\S+ )?(?:चढे\S*|चढि\S*|उभि\S*)|निद्रा लाग्दै\S*|खाइदिएँ|खाइदिएं|खाइदिए`, 'n'),
      rule('cueGoodbye', x`बिदा|अलविदा|अन्तिम (?:सन्देश|म्यासेज|पटक|कुरा|दिन|रात)(?! (?:हो )?(?:\S+ )?(?:अफिस|कलेज|स्कुल|इन्टर्नसिप|काम|होस्टल|कक्षा|परीक्षा))|माफ (?:गर्नु|गरिदिनु|गर)|(?:धन्यवाद|थ्याङ्क्यु) (?:सबैलाई)|सबैलाई (?:धन्यवाद|थ्याङ्क्यु)|(?:चाहिँदैन|चाहिंदैन|चाहिने छैन)|मेरो कारणले (?:\S+ ){0,2}(?:दुःख|दुख|समस्या) (?:हुँदैन|हुन्न|हुने छैन)|(?:नरुनु|नरुनू|नरोऊ)|(?:मलाई )?(?:नसम्झनू|नसम्झनु|सम्झिरहनू)|मेरो पछि|(?:भनिदिनु|भन्दिनु|भनिदिनू)|माया (?:गर्थें|गर्थेँ|गर्थे)|(?:सरी|सोरी|sorry) (?:सबैलाई|सबै)`, 'sn'),
      rule('cueSelfHarm', x`नसा (?:\S+ ){0,2}काट\S*|(?:नस|नसें) (?:\S+ )?काट\S*|(?:चुरोट|सिगरेट|लाइटर)\S* (?:\S+ ){0,3}(?:पोल्\S*|जलाउ\S*)|(?:काट|ब्लेड|घाउ)\S* (?:\S+ ){0,3}(?:हात|नाडी|पाखुरा|तिघ्रा|लगाएँ|गरेँ)|(?:हात|नाडी|पाखुरा|तिघ्रा)\S* (?:\S+ ){0,2}(?:काट|ब्लेड|घाउ|निशान)\S*|(?:आफैलाई|आफूलाई|आफैंलाई) (?:\S+ )?(?:चोट|हानि|काट|सजाय|जलाउ)\S*`),
      rule('cueBurden', x`भारी (?:मात्र |मात्रै )?(?:हुँ|भएँ)|(?:कसैलाई|कसैको) (?:\S+ )?(?:फरक|केही फरक) (?:पर्दैन|पर्दैनँ)|(?:म|मै|आफै|सबैको लागि|परिवारको लागि|घरको लागि) (?:\S+ ){0,2}(?:बोझ|भार)|(?:बोझ|भार) (?:मात्र |मात्रै )?(?:हुँ|भएँ|बनेँ|बनें)|(?:म ?बिना|म नभए|म नरहे|म नहुँदा) (?:\S+ ){0,4}(?:खुसी|सुखी|राम्रो|सजिलो)`, 'n'),
      rule('cueMeans', x`(?:किरा|कीरा|मुसा|मुसो|उपियाँ|उडुस|झिंगा|लामखुट्टे) मार्ने (?:औषधि|औषधी|दबाई|दवाई|विष|बिष|विषादी)\S*|(?:निद्राको )?(?:चक्की|औषधि|ट्याब्लेट|गोली|पत्ता|सिटामोल)\S*|विषादी\S*|विष\S*|बिष\S*|कीटनाशक\S*|मुसा मार्ने\S*|एसिड|डोरी\S*|पासो\S*|पछ्यौरा\S*|सल\S*|ब्लेड\S*|चक्कु\S*|बन्दुक\S*|बोतल\S*|सिसी\S*`),
      rule('cuePlace', x`फेवा\S*|ताल\S*|पोखरी\S*|छत\S*|बार्दली\S*|रेलिङ\S*|पुल\S*|नदी\S*|खोला\S*|भीर\S*|पहाड\S*|तला\S*|राजमार्ग\S*|सडक\S*|पङ्खा\S*|पंखा\S*`),
      rule('cueMethod', x`डुब्न (?:\S+ )?(?:जाँदै\S*|जान्छु)|पस्दै\S*|पस्छु|डुब्छु|हाम\S*|झुण्डि\S*|झुन्डि\S*|फाँसी\S*|निल्\S*|डुब्\S*|ओभरडोज\S*|बाँधि\S*|बाँधे\S*`),
      rule('cueTook', x`(?:खाएँ|खाएं|खाएको|खाइसकें|खाइसकेँ|खायो|खाइन्|निलेँ|निल्यो|पिएँ|पियो|पिइसकें)|(?:धमिलो|रिंगटा|बेहोस|वान्ता|उल्टी)\S*|(?:गहिरो) (?:काट\S*)`),
      rule('cueFuture', x`तयारी (?:\S+ )?(?:सकेँ|सकें|सकियो|भयो|पूरा)|(?:खान्छु|पिउँछु|पिउंछु|पिउछु|गर्छु|जान्छु|फाल्छु|झुण्डिन्छु|मर्छु|गर्नेछु)|(?:योजना|प्लान|तयारी|निर्णय) (?:\S+ )?(?:भयो|भइसक्यो|गरिसकें|गरिसकेँ|छ)|(?:अब )?एकछिन (?:मात्र|मात्रै)|(?:ल्याएको|राखेको|बाँधिसकें|बाँधिसकेँ) (?:छु)?`),
    ],
    mood: [
      rule('cueConcern', x`(?:उसको|उसका|उनको|उनका|उसलाई) (?:\S+ )?(?:चिन्ता|चिंता|पीर|डर)\S*`, 'no'),
      rule('cueConcern', x`बेकार|असफल|निकम्मा|नालायक|लुजर|(?:आफै|आफू|आफैं)\S* (?:\S+ )?(?:घृणा|नफरत|रिस)|घृणा|सुन्न|खाली|रित्तो|आत्ति\S*|(?:सास) (?:\S+ )?(?:फेर्न|रोकि)\S*|मुटु\S*|(?:पिट्\S*|कुट्\S*|हिर्का\S*|थप्पड)|(?:छुन|छुने|छुन्छ|छोयो)\S*|सिनियर\S*|र्‍याग\S*|र्याग\S*|कुखुरा|ब्ल्याकमेल\S*|धम्की\S*|फोटो\S* (?:\S+ ){0,3}(?:हाल्छु|पैसा|भाइरल)|पैसा माग\S*|रक्सी|गाँजा|गांजा|नशा|लागुऔषध|अँध्यारो|अन्धकार|(?:आशा|उम्मीद|भविष्य|बाटो) (?:\S+ )?(?:छैन|देख्दिनँ|देख्दिन)|(?:के|कुनै) (?:\S+ )?(?:फाइदा|अर्थ|मतलब) (?:छैन|भएन)?|डर (?:\S+ )?(?:लाग्यो|लाग्छ|लागिरहेको)|जबरजस्ती\S*`, 'n'),
    ],
    time: [
      rule('cueTime', x`आज\S*|अहिले|अहिलेनै|भोलि\S*|राति\S*|रात\S*|(?:आइतबार|सोमबार|मंगलबार|बुधबार|बिहीबार|शुक्रबार|शनिबार)\S*|एकछिन|(?:रिजल्ट|परीक्षा) (?:\S+ )?(?:पछि|आएपछि|आउनेबित्तिकै)`, 'n'),
    ],
  },
  frames: [],
};

// ---- Romanised Nepali ----------------------------------------------------------------------------------
const NE_LATN_BAG: LexiconPart = {
  lang: 'ne-Latn',
  rules: {
    risk: [
      rule('cueDeath', x`(?<!(?:${LATN_PESTS}) )(?:marna|marnu|marne|marchu|marchhu|marxu|maru|marau|marnechu|maridinchu|mareko bhaye|mare (?:\S+ )?hunthyo|(?:mrityu|maran) (?:\S+ )?(?:aaos|aae|aaye|chahiyo|chahincha)|aa?tma?hatya\S*|(?:jyan|jyaan) (?:\S+ )?(?:dina|dinchu|fal\S*|phal\S*|lina)|(?:jiwan|jeevan|jiban|jindagi)\S* (?:\S+ )?(?:antya|anta|samapta|khattam)\S*|(?:sadhai|sadhai ko lagi|sadhaiko lagi) (?:\S+ )?(?:nidau\S*|sut\S*)|(?:sansar|duniya)\S* (?:\S+ )?(?:chhod\S*|chod\S*)|(?:k|ke|ka) (?:garnu|garne|kaam) (?:\S+ )?(?:bachera|banchera|jiyera)|(?:durghatana|accident|bus|truck|gadi)\S* (?:\S+ ){0,3}(?:pare\S*|mare\S*|hani\S*|thakkar\S*) (?:\S+ ){0,2}hunthyo|sab(?:ai)? (?:\S+ )?(?:sakinchu|sakidinchu|siddhinchu|sidhinchu)|(?:bus|truck|gadi|motor)\S* (?:le )?(?:\S+ )?(?:hani|thakkar|kichera|kichyo)\S* (?:\S+ ){0,2}hunthyo)`),
      rule('cueDeath', x`ma (?:\S+ )?(?:hunna|hunnan)|sadhai ko lagi (?:\S+ )?(?:harau\S*|gayab)|gayab huna|sunrise (?:\S+ )?(?:hernu )?pardaina|hatidinchu`, 'n'),
      rule('cueGoodbye', x`(?:kasailai|kasai lai) (?:\S+ )?(?:dukha|dukh) (?:dinna|dinnan)|malai nakhoj\S*|kotha khali gari\S*|samjhirahanu|samjhirakhnu|sorry sab ?lai`, 'sn'),
      rule('cueTook', x`dhoka (?:\S+ )?lagai\S*|(?:switch|switched) off`, 'n'),
      rule('cueMeans', x`chakku`),
      rule('cueTime', x`bihana|bihan|beluka|\d+ baje|baje`, 'n'),
      rule('cueMethod', x`(?:gas|gyas|cylinder|silinder)\S* (?:\S+ ){0,2}khole\S*`),
      rule('cueSeek', x`kasari (?:\S+ )?(?:lagaune|marne|marincha|katne|khane)\S*|(?:yo|tyo|yesto|aafai|afai|aafailai|afailai|aafulai|afulai|suicide|atmahatya|aatmahatya)\S* kasari garne\S*|(?<=(?:suicide|atmahatya|aatmahatya|marna|marne|mrityu)\S* (?:\S+ ){0,10})kasari garne\S*|kasari (?:yo|tyo|yesto|aafai|afai|aafailai|afailai|aafulai|afulai|suicide|atmahatya|aatmahatya)\S* garne\S*`, 'n'),
      rule('cueGoodbye', x`bye sabai ?lai|(?:chithi|chitthi) (?:\S+ )?lekhi\S*`, 'sn'),
      rule('cueDeath', x`(?:afulai|aafulai|afailai|aafailai|aphulai) (?:\S+ )?(?:sidhyau\S*|siddhyau\S*|mar\S*)`),
      rule('cueSelfHarm', x`(?:haat|hat) (?:\S+ )?jalau\S*`),
      rule('cuePlace', x`barrage|koshi|edge\S*`),
      rule('cueTook', x`(?:pisake|pisakey|piisake|khaisakey)\S*|pet (?:\S+ )?pol\S*`, 'n'),
      rule('cueFuture', x`(?:tei bela|tyo bela|tyasbela) (?:\S+ )?garchh?u|(?:plan|yojana) (?:\S+ )?(?:vaisak\S*|bhaisak\S*)`),
      rule('cueConcern', x`naramro ?sanga (?:\S+ )?(?:chhun\S*|chun\S*|chhoo\S*)`, 'n'),
      rule('cueDeath', x`rahanna|narahe|narahu|nabachu|nauth\S*|nabiujh\S*|nabyujh\S*|(?:bachna|banchna|jiuna) (?:\S+ )?(?:man chaina|mann chaina|iccha chaina)|kill (?:garchu|garne|gardinchu|garchhu)|(?:aafai|afai|aafu|afu) ?lai (?:\S+ )?(?:kill|sakchu|siddhyau\S*|mardinchu)|(?:bachera|baachera|banchera|jiyera|jiera|jiuera) (?:\S+ )?(?:k|ke|kya) (?:nai )?(?:garum|garu|garnu|garne|garchu|faida|fayda|kaam|matlab)`, 'n'),
      rule('cueSeek', x`(?:kun|kati|kasari|kasto) (?:\S+ ){0,7}(?:marincha|marinchha|marcha|marchha|marchan|marna|marda|dukhcha|dukhchha|dukhdaina|mrityu|uthdaina|uthdain|uthena|bachdaina|bachdain|byujhidaina)\S*`, 'n'),
      rule('cueTook', x`(?:bhitra|bhitrabata) (?:\S+ )?(?:awaj|aawaj|bol\S*) (?:\S+ )?(?:aaudaina|audaina|chaina)|dhoka (?:\S+ )?(?:kholdaina|thun\S*)|phone (?:\S+ )?(?:uthaudaina|off|uthauna)|(?:dil|kinara|railing)\S* (?:\S+ )?(?:pugi|pugyo|pugeko|chadhe\S*|chadhi\S*)|nidra lagdai\S*|khaidiye|khaidiyen|(?:kasaile|koi) (?:\S+ )?(?:rokna|rok) (?:sakdaina|sakdainan)`, 'n'),
      rule('cueGoodbye', x`bida|alvida|alwida|antim (?:msg|message|sandesh|kura|din|rat)(?! (?:ho )?(?:\S+ )?(?:office|college|school|internship|kaam|hostel|class|exam))|(?:last) (?:msg|message)|maaf (?:garnu|gardinu|gar)|maf (?:garnu|gar)|(?:thank you|thanks|dhanyabad) (?:sabai|sabailai)|sabailai (?:thank you|thanks|dhanyabad|bye)|chahidaina|chahindaina|chahine chaina|chahinna|chahina|lai (?:diye|diyen|dide|diyeko|dinchu|dinchhu|disake)|(?:chitthi|chithi|letter|note) (?:\S+ )?lekhi\S*|sorry (?:sabai|sabailai|sabko|sab ko|everyone|all)|bye (?:bhani|bhanyo|bhane|bhanera|vani|vanyo)|(?:thank u|thanku|thnx|thanks|thank you|dhanyabad) (?:\S+ )?(?:sabai|sabailai|sabai lai)|(?:naruna|narunu)|(?:jhelnu|sahanu|jhelna) (?:\S+ )?(?:pardaina|pardena)|mero pachi|mero karan(?:le)? (?:\S+ ){0,2}(?:dukha|dukh|samasya) (?:hudaina|hunna)`, 'sn'),
      rule('cueSelfHarm', x`(?:cut|kat|kaat)\S* (?:\S+ ){0,2}gahir\S*|gahir\S* (?:\S+ )?(?:cut|kat|kaat)\S*|(?:cigarette|churot|lighter)\S* (?:\S+ ){0,3}(?:pol\S*|jala\S*|burn\S*)|blade (?:\S+ )?(?:chalaye\S*|chalayen|chalaun\S*|lagaye\S*|chalai\S*)|(?:cut|cuts|cutting|kaat|kat|blade|ghau)\S* (?:\S+ ){0,3}(?:hat|haat|naadi|nadi ma|pakhura|tigra|lagaye|gare|garchu|suru)|(?:hat|haat|pakhura|tigra|wrist)\S* (?:\S+ ){0,2}(?:cut|kaat|kat|blade|ghau)\S*|(?:aafai|afai|aafu|afu|aafnai) ?lai (?:\S+ )?(?:chot|hani|kaat|saja|jalau|hurt|harm|hate)\S*|self ?harm\S*`),
      rule('cueBurden', x`(?:kasai|kasailai|kasaiko) (?:\S+ )?(?:lai )?(?:farak|pharak) (?:pardaina|pardena)|(?:ma|mai|aafai|sabai ko lagi|pariwar ko lagi|ghar ko lagi) (?:\S+ ){0,2}(?:bojh|boj|bhaar|burden)|(?:bojh|boj|bhaar|burden) (?:matra |matrai )?(?:hu|hun|bhaye|bhayen|bane)|(?:ma ?bina|ma nabhaye|ma nabhae|ma narahe|ma nahuda) (?:\S+ ){0,5}(?:khusi|khushi|sukhi|ramro|sajilo|ghat\S*|kam hun\S*|hatthyo|sakinthyo)|(?:dukha|dukh|bojh|tension) matra (?:dinchu|dinchhu|hu)`, 'n'),
      rule('cueMeans', x`${LATN_PEST_POISON}|(?:nindra ko |nidra ko |sleeping )?(?:chakki|chaki|goli|aushadhi|ausadhi|tablet|tablets|pills?|pata|patta|strip|citamol|sitamol)\S*|escitalopram|sertraline|fluoxetine|alprazolam|clonazepam|lorazepam|diazepam|zolpidem|amitriptyline|lithium|insulin|ibuprofen|aspirin|xanax|citalopram|quetiapine|olanzapine|bishadi\S*|visadi\S*|bisadi\S*|bisaadi\S*|cetamol|bish\S*|vish\S*|kitnashak\S*|pesticide|rat poison|musa marne\S*|acid|dori\S*|paso\S*|pachhyaura\S*|dupatta\S*|blade\S*|chakku\S*|banduk\S*|bottle\S*|sisi\S*`),
      rule('cuePlace', x`chhat\S*|chat (?:ma|bata|tira)|terrace\S*|bardali\S*|railing\S*|pul\S*|bridge\S*|nadi\S*|khola\S*|trishuli|bagmati|bhir\S*|pahad\S*|tala\S*|highway\S*|sadak\S*|pankha\S*|fan ma`),
      rule('cueMethod', x`ham ?fal\S*|haam ?fal\S*|ham ?phal\S*|jhundi\S*|jhunde\S*|phasi|fasi|nil\S*|dub\S*|overdose\S*|bandhi\S*|bandhe\S*`),
      rule('cueTook', x`(?:khaye|khayen|khaisake\S*|khayo|khaeko|khayeko|nile|nilen|piye|piyen|piisake\S*)|(?:dhamilo|ringata|behos|banta|ulti)\S*|(?:gahiro) (?:\S+ )?(?:kat\S*|kaat\S*|cut\S*)|ragat (?:\S+ )?(?:rokinna|rokidaina|rokiena)`),
      rule('cueFuture', x`(?:khanchu|khanchhu|piunchu|piunchhu|piuchu|garchu|garchhu|janchu|falchu|jhundinchu|marchu|garnechu)|(?:plan|yojana|tayari|nirnaya)\S* (?:\S+ )?(?:bhayo|cha|chha|xa|garisake\S*)|(?:sab|sabai) (?:\S+ )?(?:milai ?sake\S*|tayar|set)|(?:lyaeko|rakheko|bandhisake\S*) (?:chu|chhu)?`),
    ],
    mood: [
      rule('cueConcern', x`(?:usko|uslai|unko|unlai) (?:\S+ )?(?:chinta|pir|dar)\S*`, 'no'),
      rule('cueConcern', x`chinta (?:lagyo|lagcha|lagchha|lagirako|lagiraheko)|khana (?:\S+ )?(?:khadaina|khadain|khadina)|future (?:\S+ )?(?:dekhdina|chaina)|kei hunna|follow (?:garcha|garchha|garxa|gardai)|ubhirahancha|(?:kei|kehi) (?:\S+ )?feel (?:\S+ )?(?:hudaina|hunna)|robot jasto|aasha (?:\S+ )?(?:chodi|chhodi|chod)\S*|sudhrinna|bekar|bekaar|asafal|nikamma|nalayak|loser|(?:aafai|afai|aafu|afu) ?lai (?:\S+ )?(?:hate|ghrina|nafrat)|ghrina|numb|khali|ritto|aatti\S*|(?:sas) (?:\S+ )?(?:ferna|roki)\S*|mutu\S*|(?:pit\S*|kut\S*|hirka\S*|thappad)|(?:chuna|chhuna|chuncha|chhuncha|choyo)\S*|senior\S*|ragging\S*|kukhura|blackmail\S*|dhamki\S*|photo\S* (?:\S+ ){0,3}(?:halchu|paisa|viral)|paisa (?:\S+ )?mag\S*|raksi|ganja|nasha|drugs|andhyaro|(?:aasha|asha|umeed|bhavishya|bato) (?:\S+ )?(?:chaina|chhaina|xaina|dekhdina)|(?:k|ke|kunai) (?:\S+ )?(?:fayda|artha|matlab) (?:chaina|bhaena)?|dar (?:\S+ )?(?:lagyo|lagcha|lagchha|lagirako)|jabarjasti\S*|jabardasti\S*`, 'n'),
    ],
    time: [
      rule('cueTime', x`aaja\S*|aaj|aja|ahile\S*|bholi\S*|rati|raati|(?:aaitabar|sombar|mangalbar|budhabar|bihibar|sukrabar|sanibar)\S*|ekchin|(?:result|exam) (?:\S+ )?(?:pachi|aayepachi)`, 'n'),
    ],
  },
  frames: [],
};

export const BAG_PARTS: readonly LexiconPart[] = [EN_BAG, HI_LATN_BAG, HI_BAG, NE_BAG, NE_LATN_BAG];
