/**
 * Romanised Nepali lexicon, with the spellings students type (marna/marnu, bachna/banchna, chha/cha/xa,
 * jhundiyera/jhundera, bish/bis/vish). Postpositions may be joined or apart (aafai lai / aafailai, chhat ma /
 * chhatma), so stems take an optional suffix. Negative verbs (chahanna, sakdina, chaina, hudaina) are found
 * by the scope rules; phrases that carry their own negation are flagged `n`. See rules.ts for flags.
 */
import { frame, rule, type LexiconPart } from '../rules';

const x = String.raw;

const WANT = x`(?:chaha\S*|chahe\S*|chahi\S*|chahan\S*)`;
const MAN = x`(?:mann|man|mn) (?:\S+ )?(?:lagchha|lagcha|lagxa|lagchh|lagyo|lagirako|lagirakheko|lagiraheko|lagirahanchha|lagirahancha|chha|cha|xa|lagdai chha|lagdaichha)`;
const DIE = x`(?:marna|marnu|marne|maru|marchu|marchhu|marxu|maridinchu|maridinchhu|marijanchu|marnechu|marnechhu)`;
const SUICIDE = x`(?:suicide|sucide|atmahatya|aatmahatya|aatmhatya|atmhatya)\S*`;
const SELF = x`(?:aafai ?lai|aafailai|afai ?lai|aafu ?lai|afu ?lai|aaphai ?lai|aphai ?lai|aafnai ?lai|afnai ?lai)`;
const PILLS = x`(?:chakki|chaki|goli|tablet|tablets|pills?|aushadhi|ausadhi|ausadi)(?: ?haru)?`;
const MANY = x`(?:\d{2,}|[89]|dherai|sabai|sab|purai|ekaichoti|(?:aath|nau|das|pandhra|bis|pachchis|tis|chalis|pachas|saya) ?(?:wata|waota|ota|vata)|\d+ ?(?:wata|waota|ota|vata))`;
const POISON = x`(?:bish|bis|vish|bikh|bishadi|visadi|musa marne (?:bish|bis|aushadhi|ausadhi|aausadhi|aushadi|ausadi|goli)|kitnashak|pesticide|acid)`;
const HIGH = x`(?:chhat|chat|chhad|bhawan|building|pul|bridge|balcony|jhyal|bhir|pahad|tala|floor)(?: ?ma| ?bata)?`;
const METHOD = x`(?:jhundi\S*|jhunde\S*|jhundera|phasi|fasi|phansi|paso (?:laga\S*|hal\S*)|(?:${HIGH}|nadi\S*|khola\S*) (?:\S+ )?(?:ham|haam) (?:fal\S*|phal\S*|faal\S*|phaal\S*)|(?:ham|haam) (?:fal\S*|phal\S*|faal\S*|phaal\S*)|${POISON} (?:kha\S*|pi\S*)|nasa (?:kat\S*|kaat\S*)|${MANY} (?:\S+ )?${PILLS} (?:khana|khane|khanu|nil\S*))`;

export const NE_LATN: LexiconPart = {
  lang: 'ne-Latn',
  rules: {
    risk: [
      // ---- acts under way ----------------------------------------------------------------------------
      rule('act', x`(?:${MANY}|\d+) (?:\S+ ){0,2}${PILLS} (?:khaye|khayen|khayo|khaisake|khaisakyo|khaeko|khayeko|nile|nilyo|nilisake)`, 'c'),
      rule('act', x`${POISON} (?:khaye|khayen|khayo|khaisake|khaisakyo|piye|piyo|piisake|piyeko|khayeko)`),
      rule('act', x`${POISON} (?:khai|khaii|khaai|pii|piee) (?:rahechha|rahichha|rachha|raichha)`),
      rule('act', x`nasa (?:\S+ )?(?:kate|katen|katyo|katisake|kateko|kaate|kaatyo)`),
      rule('act', x`${HIGH} (?:\S+ )?(?:ubhiyeko|ubhieko|ubhiyeki|baseko|baseki|chu|chhu|xu|pugen|puge|pugeko)`, 'c'),
      rule('act', x`(?:dori|paso|phasi|fasi) (?:\S+ )?ghanti\S* (?:\S+ )?(?:chha|cha|xa|lagaye|bandhe)`),
      rule('actIf', x`ragat (?:\S+ )?(?:rokidaina|rokiyena|rokindaina|thamidaina|bagirako|bagiraheko|dherai bag\S*)|gahiro (?:kat\S*|kaat\S*)`, 'n'),

      // ---- plans, means, method search --------------------------------------------------------------
      rule('planStrong', x`${SUICIDE} note\S*|antim (?:chithi|patra|letter)\S*|(?:marne|atmahatya ko) (?:yojana|plan) (?:tayar|banaisake|pakka)`),
      rule('plan', x`(?:tarika|tarikaa|yojana|plan|din|miti|thau|samaya) (?:sochisake|soche|tay gare|tay garisake|tay bhayo|tay bhaisakyo|chhanisake|banaisake)|(?:sabai|sab) (?:tay|tayar|ready) (?:bhaisakyo|chha|cha|xa|bhayo)|(?:nirnaya|decide) (?:garisake|gare|bhaisakyo)`),
      rule('meansStrong', x`(?:dori|rope|paso|phasi|fasi) (?:\S+ ){0,2}(?:kinisake|kine|kinen|lyaye|lyaisake|tayar|ready|bandhisake|bandhe|rakheko|rakhisake)`, 'c'),
      rule('meansStrong', x`${PILLS} (?:\S+ )?(?:jamma|thupar|lukayera|lukai|bachayera|collect) (?:\S+ )?(?:garisake|gare|rakheko|rakhe|rakhisake)`),
      rule('meansLethal', x`${POISON} (?:\S+ ){0,2}(?:ma sanga|masanga|kinisake|kine|lyaye|rakheko)|(?:ma sanga|masanga) (?:\S+ ){0,2}${POISON}`, 'c'),
      rule('means', x`(?:blade|chakku|chhuri|${PILLS}) (?:\S+ ){0,2}(?:kinisake|kine|lyaye|ma sanga|masanga|lukaeko)`, 'c'),
      rule('seek', x`(?:marne|atmahatya garne|suicide garne|atmahatya ko) (?:\S+ ){0,3}(?:sajilo|pidarahit|chhito|pakka|ramro|easy)? ?(?:tarika|tarikaa|upaya|way)|(?:kati) (?:\S+ ){0,2}${PILLS} (?:\S+ ){0,3}(?:marincha|marinchha|marchha|mrityu)|kasari (?:marne|marincha|marinchha|atmahatya|suicide|jhundi\S*)`),

      // ---- method with intent, thoughts, bare method --------------------------------------------------
      rule(['intent', 'method'], x`${METHOD} (?:\S+ )?(?:marchu|marchhu|marxu|marnechu|maridinchu|falchu|phalchu|faalchu|dinchu|chahanchu|chahanchhu|man lag\S*|mann lag\S*|sakchu|khanchu|khaidinchu)`, 'H'),
      rule(['intent', 'method'], x`(?:ham|haam) (?:falchu|phalchu|faalchu|falidinchu)|jhundinchu|jhundidinchu|(?:bish|bis|vish) khanchu|nasa katchu`, 'H'),
      rule('method', METHOD),

      // ---- attempts -----------------------------------------------------------------------------------
      rule('attempt', x`(?:${SUICIDE}|marne) (?:\S+ )?(?:prayas|kosis|koshish) (?:gare|garen|garyo|garisake|gareko)`),

      // ---- intent --------------------------------------------------------------------------------------
      rule('intent', x`${DIE} (?:\S+ )?${WANT}`, 'H'),
      rule('intent', x`(?:marna|marne|atmahatya garna|suicide garna) ${MAN}`, 'H'),
      rule('intent', x`${SUICIDE} (?:\S+ )?(?:garchu|garchhu|garxu|garnechu|garchha|garne|gardinchu|garna chah\S*|garidinchu)`, 'H'),
      rule('intent', x`${SELF} (?:\S+ )?(?:marchu|marchhu|marxu|maridinchu|sakchu|sakidinchu|marna chah\S*|marne|marnechu)`, 'H'),
      rule('intent', x`aafno (?:jyan|jiwan|jeevan|jindagi) (?:linchu|dinchu|sakchu|antya garchu|anta garchu|line)|(?:jiwan|jeevan|jindagi) (?:antya|anta|khatam) (?:garchu|garne|garna chah\S*|gardinchu)|(?:sabai|sab) (?:sakchu|sakidinchu|khattam garchu|antya garchu)`, 'H'),
      rule('intent', x`ma (?:\S+ )?(?:marchu|marchhu|marxu)`, 'H'),

      // ---- suicidal thoughts ------------------------------------------------------------------------
      rule('thoughts', x`(?:${SUICIDE}|marne|mrityu) (?:\S+ )?(?:bichar|vichar|soch|khyal|khayal)\S*`),

      // ---- passive wishes -----------------------------------------------------------------------------
      rule('passive', x`(?:mareko|mareki|mare|najanmeko|najanmeki|najanme) (?:bhaye |bhae )?(?:hunthyo|hunthiyo)|(?:kahile|kahilyai|kaile) (?:nauthe|naudhe|nabyujhe|nabiujhe) (?:hunthyo|hunthiyo)|(?:bhagwan|bhagawan|ishwar) ?(?:le)? (?:malai )?(?:lage|laijaun|uthaye|bolaye) (?:hunthyo)?`, 'n'),
      rule('passive', x`(?:banchna|bachna|banchne|bachne|jiuna|jiune|banchirahana) (?:\S+ )?(?:(?:mann|man) (?:chaina|chhaina|xaina|lagdaina)|chahann\S*|chahan|chahana|chahadin\S*|chahdin\S*|chahadain\S*|chahdain\S*|chaheko (?:chaina|chhaina)|chahina|ichha (?:chaina|chhaina)|sakdina|sakdaina)`, 'n'),
      rule('passive', x`(?:banchnu|bachnu|jiunu) ?(?:ko|ma) (?:kunai )?(?:artha|karan|matlab|ichha) (?:\S+ )?(?:chaina|chhaina|xaina|rahena)`, 'n'),
      rule('passive', x`(?:jindagi|jiwan|jeevan|banchna|bachna) ?(?:dekhi|bata)? (?:\S+ )?(?:thake|thaken|thakisake|dikka bhaye|hare)`),

      // ---- burden, goodbye, giving things away ---------------------------------------------------------
      rule('burden', x`(?:(?:sabai|pariwar|ghar) ?ko (?:lagi|lai) )?(?:bojh|bhar) (?:hu|hun|bhaye|bane|matra hu)|ma nabhaye (?:\S+ ){0,2}(?:khusi|khushi|sukhi|ramro|thik)`, 'sn'),
      rule('goodbye', x`(?:sabai ?lai|sathi ?haru ?lai|sansar ?lai) (?:\S+ )?(?:alvida|alwida|bida)|(?:alvida|alwida) (?:sabai ?lai|sansar|sathi ?haru)|(?:mero )?antim (?:sandesh|message|msg|kura|post|shabda|din|rat|rati)`, 's'),
      rule('givingAway', x`(?:mera|mero) (?:sabai )?(?:saman|kitab\S*|phone|laptop|luga\S*|guitar) (?:\S+ ){0,4}(?:dinu|dinus|rakhnu|linu)`, 'sc'),
      rule('givingAway', x`(?:malai )?aba (?:yo |yi )?(?:kehi )?(?:chahidaina|chaidaina|chahine chaina)`, 'snc'),

      // ---- self-harm ------------------------------------------------------------------------------------
      rule('selfHarm', x`${SELF} (?:\S+ )?(?:chot|hani|ghau|kat\S*|kaat\S*|jala\S*|hirka\S*|hurt) (?:\S+ )?(?:purauchu|purau\S*|puryauchu|puryau\S*|garchu|garchhu|garchha|garchan|dinchu|garirako|garna mann|garna thale)?`),
      rule('selfHarm', x`(?:blade|chakku|chhuri|sisa)(?: ?le)? (?:\S+ ){0,2}(?:kat\S*|kaat\S*|ghau\S*)|(?:haat|hat|nadi|pakhura|tigra)(?: ?ma)? (?:\S+ ){0,2}(?:blade\S*|kat\S*|kaat\S*|ghau\S*|cut)`),

      // ---- strengthening pass (tuned on labelled sets A and B) ----------------------------------------
      rule('intent', x`sadhai(?: ?ko| ?ka) lagi (?:sutchu|sutchhu|sutxu|sutne|sutnechu|sutdinchu)|(?:ma )?(?:rahanna|rahanna|bachdina|bachdinna)(?= ?(?:[.,?"]|$))`, 'n'),
      rule('means', x`${PILLS} (?:khayera|khaera|khai)|${POISON} (?:piyera|piera)`),
      rule('plan', x`(?:sabai|sab) (?:yojana|plan|tayari) (?:banisakyo|bhaisakyo|garisake|pura bhayo)`),
      rule('act', x`${MANY} ${PILLS} (?:khain|khaiin|khayo|khaechha|khaichha|nilyo)|${POISON} (?:piin|piyo|khayo|khain)`, 'o'),
      rule('passive', x`(?:aba )?bachnu (?:nai )?(?:chaina|chhaina|xaina)|ma mare (?:sabai |sabai lai |sabai ko )?(?:ramro|thik|bes|khusi) (?:hunthyo|hunchha|huncha)`, 'n'),
      rule('passive', x`(?:maru|marau|marun|maridiu|marijau) jasto (?:lagcha|lagchha|lagxa|lagyo|huncha|hunchha)`),
      rule('burden', x`ma (?:nabhaye|nahuda|nabhayeko bhaye) (?:\S+ ){0,4}(?:ramro|khusi|sajilo|sukhi)`, 's'),
      rule('intent', x`${SELF} marna (?:\S+ )?(?:mann|man|mn|chaha\S*)`, 'H'),
      rule('selfHarm', x`(?:feri )?(?:haat|hat|nasa|pakhura|tighra) ?ma (?:\S+ )?(?:kate|katen|katchu|katchhu|katirahanchu)`),
      rule('intent', x`marisakeko hunechu|marisakeki hunechu|${SELF} (?:sakna|sidhyauna|marna) (?:\S+ )?(?:mann|man|chaha\S*)|${SELF} (?:sakchu|sakchhu|sidhyauchu|marchu|marchhu)`, 'H'),
      rule('seek', x`(?:bish|bis|vish|paso|dori) (?:kaha|kahaa|kasari) (?:painchha|painchha|painxa|paune|kinne|pauchha)`, 's'),
      rule('goodbye', x`(?:sabai ?lai|sathi ?haru) (?:bye|bai|alabida|alvida)(?: ,)? aba (?:kahile )?bhet (?:hudaina|hune chaina|hunna)`, 'sn'),
      rule('thoughts', x`${SUICIDE}(?: ?ko)? (?:barema|bare ma|bare) soch\S*`),
      rule('seek', x`(?:kati ?wata|kati) (?:\S+ ){0,3}(?:chakki|aushadhi|ausadhi|goli)\S*(?: ?le)? (?:marinchha|marincha|marchha|marcha|mrityu)`, 's'),
      rule('plan', x`(?:chakki|bish|bis|aushadhi|ausadhi)\S* (?:khanchu|khanchhu|piunchu|piunchhu|nilchu)`),
      rule(['intent', 'method'], x`${SELF} (?:aago|aagoley|aagole) (?:lagauchu|lagaunchu|lagaidinchu|jalauchu)`),
    ],
    mood: [
      rule('worry', x`(?:malai )?(?:dar|darr|chinta|pir) (?:\S+ ){0,2}(?:chha|cha|xa|lagchha|lagcha|lagirako) (?:ki )?(?:mero|meri) (?:sathi|saathi|dai|didi|bhai|bahini|roommate) ?(?:le|lai)?`, 'o'),
      rule('hopeless', x`(?:kunai )?(?:aasha|asha|ummid|bharosa) (?:baki |banki )?(?:chaina|chhaina|xaina|rahena)|(?:kehi|kunai kura) (?:pani )?(?:thik|theek|ramro|sahi) (?:hudaina|hune chaina|hunewala chaina)|(?:sabai|sab) (?:sakiyo|khattam bhayo|barbad bhayo)|aba (?:\S+ )?(?:sahana|sahina|jhelna) (?:sakdina|sakinna|sakidaina)`, 'n'),
      rule('trapped', x`(?:kunai )?bato (?:\S+ )?(?:dekhdina|dekhdaina|chaina|chhaina|dekhidaina)|faseko|phaseko|faseki`, 'n'),
      rule('worthless', x`(?:kehi )?(?:kaam ?ko) (?:chaina|chhaina|xaina|chhainan|haina|hoina)|ma (?:ek )?(?:asafal|bekar|bekkar|nikamma|nalayak|failure|bojh) (?:manchhe|manche|hu|keta|keti)|(?:sabai ?lai) (?:niraash|nirash|dukhi) (?:banauchu|banaunchu|parchu)|(?:kasaile) (?:malai )?(?:maya|mann|man) (?:gardaina|paraudaina)`, 'n'),
      rule('selfHatred', x`(?:aafai|aafu|afai|afu|aafnai) ?(?:sanga|dekhi) (?:\S+ )?(?:ghrina|ghirna|ris|dikka|nafrat) (?:\S+ )?(?:lagchha|lagcha|chha|cha|lagyo)`),
      rule('panic', x`aatti\S*|atti\S*|(?:sas|saas) (?:\S+ )?(?:ferna garo|rokiela|audaina|ful\S*)|(?:mutu) (?:\S+ )?(?:dhukdhuk|jodle|chhito) (?:\S+ )?(?:dhadki\S*|chal\S*)|panic`, 'n'),
      rule('numb', x`(?:bhitra ?bata |bhitra )?(?:ekdam |purai )?(?:khali|sunna|shunya) (?:\S+ )?(?:mahasus|feel|lagchha|lagcha|chha|cha|bhayeko|hunchha|huncha)|(?:kehi) (?:pani )?(?:mahasus|feel) (?:\S+ )?(?:hudaina|gardina|bhayena)`, 'n'),
      rule('abuse', x`(?:buba|baba|ba|aama|dai|kaka|mama|shriman|logne|boyfriend|shikshak|sir|senior|uncle|kasaile|usle|unle) ?(?:le)? (?:\S+ ){0,2}(?:malai) (?:\S+ )?(?:kut\S*|pit\S*|chhoe|chhuncha|chhoyo|naramrosanga|jabarjasti|dhamkya\S*)|naramro ?sanga (?:chhoe|chhoyo|chhuncha)`, 's'),
      rule('ragging', x`ragging\S*|(?:senior ?haru\S*|senior\S*) (?:\S+ ){0,2}(?:hairan|dukha dinchan|kutchan|dhamkauchan|beijjat)`, 's'),
      rule('threat', x`dhamki\S*|blackmail\S*|(?:photo|tasbir|video)\S* (?:\S+ ){0,2}(?:viral|leak) (?:garchu|garidinchu|garchha|garne)`, 's'),
      rule('substance', x`(?:birsina|birsana|birsanlai|pida bhulna|nidra ko lagi) (?:\S+ ){0,3}(?:raksi|rakshi|ganja|lagu aushadh|nasha|drugs)|(?:har|harek|dinahu|sadhai) (?:\S+ )?(?:raksi|rakshi|ganja|nasha)`),
      rule('stress', x`tanav\S*|tension|dabab|dabav|pressure|chinta|pir|fail (?:bhaye|bhayo|hune)`),
      rule('anxiety', x`dar (?:lagchha|lagcha|lagirako|lagyo)|bechain\S*|nervous`),
      rule('sadness', x`dukhi|udas|(?:mann|man) (?:dukh\S*|khinna)|runa (?:mann|man) lag\S*|roye|roirako|yaad (?:aayo|aauchha|aaucha|airako)|depression|depressed`),
      rule('tired', x`thakeko|thakeki|thake|thakai|thakan`),
      rule('lonely', x`eklo|ekli|eklopan|eklai`),
      rule('sleep', x`nidra (?:\S+ )?(?:lagdaina|lagena|pardaina)|sutna sakdina`, 'n'),

      rule('worry', x`(?:sathi|saathi|dai|didi|bhai|bahini|roommate) (?:\S+ ){0,3}(?:atmahatya|aatmahatya|suicide|marne)(?: ?ko)? (?:kura|kuraharu)`, 'o'),
      rule('hopeless', x`(?:sabai|sabai kura|jiwan|jeevan|jindagi) (?:\S+ )?(?:bekar|bekaar|byartha|arthahin) (?:lagcha|lagchha|lagxa|lagyo|cha|bhayo)`),
      rule('substance', x`(?:sutna|birsina|birsana)\S* (?:\S+ ){0,3}(?:raksi|ganja|churot)|(?:raksi|ganja) (?:\S+ ){0,2}(?:sutna|birsina|birsana)\S*`),
      rule('worthless', x`ma (?:euta|ek) (?:asafal|bekar|nikamma) (?:manchhe|manche|keta|keti)`),
      rule('hopeless', x`(?:jindagi|jiwan|jeevan|zindagi) (?:\S+ )?(?:barbad|barbaad|nasta) (?:bhayo|bhaisakyo|bhaeko cha)`),
      rule('ragging', x`seniors?(?: ?haru)?(?: ?le)? (?:\S+ ){0,3}(?:kute|kutyo|kutchhan|pite|pitchhan|ubhyaye\S*|ubhyayera)`, 's'),
      rule('hopeless', x`bhitra ?bata (?:tuteko|tuteki|mareko|mareki)`),
      rule('panic', x`mutu (?:\S+ )?(?:dhadki\S*|dhukdhuk\S*)`),
      rule('worthless', x`ma (?:purai |pura |ekdam )?(?:asafal|bekar|bekaar|nikamma|nalayak) (?:chu|chhu|hu|xu)|(?:kasailai|kasai lai|kasaiko) (?:pani )?(?:mero|ma) (?:aawashyakta|aavashyakta|jarurat|kaam) (?:chaina|chhaina|xaina)`, 's'),
      rule('numb', x`(?:mann|man|mutu|bhitra) ?(?:ma )?(?:dherai |ekdam )?khalipan`),
      rule('abuse', x`(?:kaka|mama|dai|sir|teacher|senior|boss|uncle)(?: ?le)? (?:malai )?(?:naramro ?sanga|galat tarika le|jabarjasti) (?:chhunchhan|chhunchha|chhuncha|chhoyo|chhoe|chhunu)`, 's'),
    ],
    time: [
      rule('time', x`(?:ek|dui|aadha) ghanta ?(?:ma|pachhi|pachi)|sabai sutepachhi|sabai sutepachi|sabai sutda|aaja rati|aaja raati|aja rati|aaja rat|aajai|aaja|aja|ahilyai|ahile nai|ahile|bholi bihana|bholi beluka|bholi|parsi|(?:natija|result|pariksha|exam)\S* (?:aayepachi|aaepachi|sakiyepachi|pachi)|(?:sabai|sabaijana|aamababa|roommate)\S* (?:sutepachi|bahira gayepachi)|yo hapta|chhittai|kehi ghanta ma|aadha rati`, 'n'),
      rule('recent', x`hijo rati|bharkharai|ekchhin agi|(?:\d+|ek|dui|tin|aadha) (?:ghanta|minute|min) agi|aaja bihana`),
    ],
  },
  frames: [
    // idioms and hyperbole
    frame('idiom', x`(?:pariksha|exam|padhai|kaam|assignment|yo|yesle|garmi|jado|traffic|project) ?(?:le)? (?:ta )?(?:malai )?(?:marchha|marcha|marxa|maryo|marisakyo|jyan linchha)`, 'stress'),
    frame('idiom', x`(?:garmi|jado|bhok|tirkha|haaso|haso|haasera|hasera|haasda|nidra|laaj|laj|parkhai|khusi) ?(?:le)? (?:\S+ )?(?:mariyo|mare|marna lage|marna lagyo|marne bhaye|marchu|mar\S*)`),
    frame('idiom', x`(?:aama|buba|ba|baba|sir|miss|dai|didi) ?(?:le)? (?:\S+ ){0,2}(?:marnuhunchha|marnuhuncha|marchhan|marchan|marchhin|marchha|marcha)`),
    frame('idiom', x`dimag (?:kharab|bigriyo)|(?:tanav|tension) ?le pagal|(?:padhai|kaam|pariksha|exam)\S* (?:\S+ )?bojh`, 'stress'),
    // study of the topic
    frame('education', x`(?:atmahatya|aatmahatya|suicide|depression|mental health)(?! ?ko barema (?:\S+ )?soch| ?ko bare (?:\S+ )?soch| barema (?:\S+ )?soch) ?(?:bare|ko barema|rokatham\S*|prevention| sambandhi)\S*|(?:nibandha|essay|project|kaksha|class|seminar|report|research)\S* (?:\S+ ){0,2}(?:atmahatya|suicide)`),
    // fiction
    frame('fiction', x`(?:film|movie|chalchitra|cinema|katha|upanyas|geet|serial|natak|nayak|nayika|patra|hero|heroine)\S*`),
    // past and recovery
    frame('recovery', x`(?:\d+|ek|dui|tin|char|panch|dherai) (?:barsa|barsha|varsha|sal|mahina|hapta|din) ?(?:dekhi|dekhi nai) (?:\S+ ){0,2}(?:thik|theek|safa|ramro|niko|clean)|pahile (?:\S+ ){0,3}(?:garthe|sochthe|authyo)|(?:ahile|aba) (?:ma )?(?:thik|theek|ramro|niko) (?:chu|chhu|xu|bhaye)|sano chhada|gata barsa`),
    frame('relapse', x`feri|pheri|aajkal|yi din ma|farki\S*`),
    // everyday purposes
    frame('benign', x`(?:tauko dukh\S*|jwaro|rugha|khoki|pet dukh\S*|dukhai)|doctor ?le (?:dinubhayo|diyeko|lekhidinubhayo)|luga sukauna|(?:sathi ?haru|pariwar)\S* ?sanga|changa|(?:musa|kira) ko lagi`),
    // laughter and its opposite
    frame('laugh', x`thatta|majak|mazak`),
    frame('serious', x`sanchchai|sachchai|thatta haina|majak haina`),
  ],
};

const GEN_GOING = x`(?:jadai\S*|jaadai\S*|lageko|lageki|lagdai\S*|khojdai\S*|garchu|garchhu|garxu|garnechu|chu|chhu|xu|hu|(?:mann|man|mn) (?:\S+ )?(?:chha|cha|xa|lag\S*)|(?:ko )?(?:yojana|plan|nirnaya|decision))`;

/**
 * The generalisation pass: broad stems with any intent ending, compiled after every language's own phrases so
 * that a specific phrase found at the same place always wins (see engine.ts).
 */
export const NE_LATN_BROAD: LexiconPart = {
  lang: 'ne-Latn',
  rules: {
    risk: [
      rule(['intent', 'method'], x`(?:(?:ham|haam) (?:falna|phalna|faalna|phaalna)|jhundina|jhundinu|jhundeena|paso lagauna|(?:${POISON}|${PILLS}) (?:\S+ )?(?:khana|khanu|piuna|piunu|piyuna)|nasa (?:katna|kaatna)) (?:\S+ )?${GEN_GOING}`, 'H'),
      rule(['intent', 'method'], x`(?:(?:ham|haam) (?:falchu|falchhu|phalchu|phalchhu|faalchu|falxu|faldinchu|phaldinchu|falnechu)|jhundinchu|jhundinchhu|jhundinxu|jhundinechu|jhundidinchu|(?:${POISON}|${PILLS}) (?:\S+ )?(?:khanchu|khanchhu|khanxu|piunchu|piunchhu|piunxu|piuchu|piuchhu|khaidinchu|piidinchu|nilchu))`, 'H'),
      rule('intent', x`(?:marna|marnu|${SUICIDE} (?:garna|garnu)|jyan dina|jyaan dina|${SELF} marna) (?:\S+ )?${GEN_GOING}`, 'H'),
      rule('intent', x`(?:marchu|marchhu|marxu|marnechu|marnechhu|maridinchu|marijanchu|${SUICIDE} (?:\S+ )?(?:garchu|garchhu|garxu|garnechu|garidinchu|gardaichu|garne chu)|(?:jyan|jyaan) (?:dinchu|dinchhu|falchu|linchu)|(?:jiwan|jeevan|jiban|jindagi|jyan)\S* (?:\S+ )?(?:antya|anta|samapta|khattam|siddhya\S*) (?:garchu|garchhu|garnechu|garna|garne|garidinchu))`, 'H'),
      rule('thoughts', x`${SUICIDE}`),
      rule('thoughts', x`(?:marne|mrityu|marnu)\S* (?:\S+ )?(?:bichar|vichar|soch|khyal|bare)\S*`),
      rule('passive', x`(?:sutu|sutun|sutau|sutera|sutne|sutirahu|nidau|nidayera) (?:\S+ ){0,3}(?:kahile|kahilyai|kahilei|feri|pheri)? ?(?:pani )?(?:nauthu|nauthun|nauthau|nauthne|nabyujhu|nabyunjhu|nauthe|nauthun)\S*`, 'n'),
      rule('passive', x`(?:mare|maren|marna pae|marna paye) (?:\S+ )?(?:hunthyo|ramro|hune thiyo|sajilo)|(?:malai )?(?:mrityu|maran|death) (?:\S+ )?(?:aae|aaye|aaos|chahiyo|chahincha)`, 'n'),
      rule('burden', x`(?:ma ?bina|mero bina|ma nabhae|ma nabhaye|ma nahuda|ma gaepachi|ma gayepachi|ma marepachi) (?:\S+ ){0,3}(?:khusi|khushi|sukhi|ramro|thik|sajilo|shanti)`, 'sn'),
      rule('givingAway', x`(?:saman|samaan|kitab|laptop|phone|luga|guitar)\S* (?:\S+ ){0,4}(?:diye|diyen|disake|dinchu|diyeko chu)(?: \S+){0,3} (?:\S+ )?(?:chahidaina|chahindaina|chahine chaina|kaam chaina)`, 'snc'),
      rule('meansStrong', x`(?:${POISON}|dori|paso) (?:\S+ ){0,2}(?:lyaeko|lyayeko|lyaeki|kineko|kineki|rakheko|rakheki|lukaeko|tayar) (?:\S+ )?(?:chu|chhu|xu|cha|chha)?`, 'c'),
      rule('act', x`(?:railing|kinara|chheu|dil)\S* (?:\S+ )?(?:baseko|baseki|ubhiyeko|ubhieko|ubhiyeki) (?:\S+ )?(?:chu|chhu|xu|cha)`, 'c'),
      rule('meansStrong', x`(?:pankha|fan|dalin|hook|silling|ceiling)\S* (?:\S+ )?(?:dupatta|dori|paso|rope|sari|chunni)\S* (?:\S+ )?(?:bandhi\S*|bandhe\S*|jhundya\S*|tayar|rakhi\S*)`),
      rule('act', x`(?:pura|puro|purai|sabai|ekai|ek) (?:\S+ )?(?:pata|strip|bottle|sisi|packet) (?:\S+ ){0,2}(?:khaisake\S*|khaye|khayen|khayo|nile|nilen|piye|piyen|khaeko)`, 'c'),
      rule(['intent', 'method'], x`(?:ham|haam) ?(?:fal|phal|faal|phaal)(?:chu|chhu|xu|dinchu|ne|na|nu|daichu|dai chu|dinchhu|nechu)`, 'H'),
      rule('act', x`(?:kinara|kinar|chheu|dil|railing|edge)\S* (?:\S+ )?(?:baseko|basirako|basirakheko|ubhiyeko|ubhieko|ubhirako|ubhirakheko)\S*`, 'c'),
      rule('plan', x`(?:khanchu|khanchhu|khanxu|piunchu|piunchhu|piunxu|piuchu|nilchu|khaidinchu|piidinchu)(?= ?(?:[.,?"]|$))`),
      rule('means', x`(?:${POISON}|rat poison|rat kill) (?:\S+ ){0,3}(?:mix|misa\S*|ghole\S*|rakheko|rakheki|tayar|bag ma|kotha ma|table ma|sanga)`, 'c'),
      rule('meansStrong', x`${PILLS} (?:\S+ ){0,2}(?:jamma|thupar|luka|bacha)\S* (?:\S+ )?(?:gareko|gareki|garisake|gare|rakheko|rakheki|garirakheko)`),
      rule(['intent', 'plan'], x`(?:aaja|aaj|aja|bholi)(?: rati)? (?:pachi|dekhi) (?:\S+ ){0,3}(?:dukha|dukh|bojh|boj|samasya|hairani) (?:dinna|dinnan|hunna|dine chaina|bandina)`, 'sn'),
      // "sh" is the abbreviation only as a whole word (not shraddha, shuru).
      rule('selfHarm', x`(?:(?:cutting|cut|self harm|selfharm)\S*|sh) (?:\S+ )?(?:suru|shuru|garchu|gare|garen|garirako|garirakheko|garna|gardai)`),
      rule('givingAway', x`(?:guitar|laptop|phone|saman|samaan|kitab|luga)\S* (?:\S+ ){0,4}(?:diye|diyen|disake|dinchu|diyeko chu) (?:\S+ ){0,4}(?:chahidaina|chahindaina|chahine chaina|kaam ko chaina|kaam chaina|kaam lagdaina|kaam xaina)`, 'snc'),
      rule('passive', x`(?:bachna|banchna|bachnu|banchnu|jiuna|jiunu)\S* (?:\S+ ){0,2}(?:karan|artha|matlab|kaaran|iccha|ichha) (?:\S+ )?(?:chaina|chhaina|xaina|baki chaina|bhaena)`, 'n'),
      rule('goodbye', x`malai (?:\S+ )?samjhi\S*`, 's'),
      rule('passive', x`(?:marnu|marna) (?:nai |nei |ni )?(?:bes|besh|ramro|thik|sajilo)`, 'n'),
      rule('passive', x`(?:accident|durghatana|gadi|truck|bus)\S* (?:\S+ ){0,2}(?:pareko|pare|mareko|mare|thakkar|kichera) (?:\S+ )?(?:bhaye |bhae )?hunthyo`, 'n'),
      rule('burden', x`(?:ma|mai) (?:\S+ ){0,2}(?:nabhaye|nabhae|narahe|nahuda|gayepachi|gaepachi) (?:\S+ ){0,5}(?:bojh|boj|bhaar|bhar|tension|samasya) (?:\S+ )?(?:ghatcha|kam huncha|hatcha|hunna|hudaina|khatam|sakincha|hunthyo|hunna thyo)|(?:bojh|boj|bhaar|bhar) (?:matra |matrai )?(?:hu|hun|bhaye|bane)(?= ?(?:[.,?"]|$))`, 'sn'),
      rule('passive', x`bachera (?:\S+ )?(?:k|ke|ka) (?:kaam|fayda|artha)`, 'n'),
      rule(['intent', 'method'], x`(?:truck|gadi|bus|rail|train)\S* (?:\S+ ){0,2}(?:agadi|muni) (?:\S+ )?(?:janchu|hamfalchu|paschu|ufranchu)`),
    ],
    mood: [
      rule('hopeless', x`(?:kehi|kunai kura) (?:pani )?(?:kahile |kahilyai )?(?:pani )?(?:thik|ramro|sahi) (?:hudaina|hunna|hune chaina|bhaena)|(?:kunai )?(?:aasha|asha|bhavishya|umeed) (?:\S+ )?(?:chaina|chhaina|xaina|dekhdina)`, 'n'),
      rule('worthless', x`(?:ma|mai) (?:ta |pani )?(?:\S+ )?(?:bekar|bekaar|bekamma|nikamma|asafal|nalayak|kaam nalagne|fail) (?:manchhe|manche|manxe|keta|keti|hu|bhaye|bhayen)`, 'n'),
      rule('abuse', x`(?:buba|baba|ba|aama|ama|dai|kaka|mama|shriman|logne|sikshak|sir|senior)\S* (?:\S+ ){0,3}(?:pit\S*|kut\S*|hirka\S*|chhunu\S*|chunu\S*)`, 's'),
      rule('numb', x`(?:bhitra|mann|man)\S* (?:\S+ )?(?:khali|khaalipan|ritto|sunya|sunna)`),
      rule('hopeless', x`(?:kei|kehi) (?:pani |ni )?(?:thik|ramro|sahi) (?:hunna|hudaina|hune chaina)`, 'n'),
      rule('substance', x`(?:ganja|raksi|daru|weed|drugs|nasha|chureli)\S* (?:\S+ ){0,2}(?:dinahu|roj|daily|har din|sadhai)|natra (?:\S+ )?(?:feel|nindra|chain|sukoon) (?:\S+ )?(?:hudaina|aaudaina|audaina)`),
    ],
    time: [],
  },
  frames: [
    frame('idiom', x`(?:kira|kiraa|kit) marne (?:aushadhi|ausadhi|bishadi|dabai)\S* (?:\S+ )?(?:chhar|chharnu|chharne|chhark|chark|spray)\S*|(?:thakai|thakaai|bhok|garmi|jado|haso|hasso)\S* ?le (?:\S+ )?marna lag\S*|marna lag\S* (?:\S+ )?(?:thakai|thakaai|bhok|garmi|jado)\S* ?le|le (?:ta )?marne (?:bhayo|vayo|banayo)`),
    frame('farewell', x`trek\S*|network (?:hudaina|hunna|chaina|xaina|paidaina)`),
    frame('recovery', x`na\S+(?:eko|yeko|ako) (?:\S+ )?(?:\d+|ek|dui|tin|char|panch) (?:barsa|barsha|sal|mahina|din) (?:bhayo|vayo|pugyo)`),
    // "Organic chemistry made me die": an ordinary complaint.
    frame('idiom', x`le (?:ta )?(?:marnu|maranu) (?:banayo|bhayo|vayo|paryo|garyo)`),
    frame('idiom', x`(?:report|register|registration|recover|reset|block|unblock|delete|apply|download|install|update|login|sign ?up|submit|pay|book|check|calculate|manage|handle|balance|password) (?:\S+ )?kasari (?:\S+ )?(?:garne|garnu|huncha|hunchha|hunxa)\S*`),
    frame('education', x`(?:atmahatya|aatmahatya|suicide)\S* (?:roktham|rokatham|rokthaam|prevention)\S*`),
    // A lethal dose taught in class or a practical is a subject.
    frame('education', x`(?:lethal|fatal|toxic) dose (?:\S+ ){0,3}(?:padhaunu|padhayo|padhaye|padhaaunu|sikaunu|sikayo|sikaye|padhaya|padhaaya|sikhaya|sikhaaya|taught|explained)\S*`),
    frame('farewell', x`bida (?:chaina|chhaina|xaina|paina|paidaina|milena|mildaina|lera|liyera|lin|bhayo|vayo|huncha|hunchha)(?!u)\S*|\S+ne antim (?:din|miti)|antim (?:din|miti) (?:kahile|kati|kun)|bidama|bida ma|(?:huncha|hunchha|hunxa|cha|chha|xa|ho) ki bida|ki bida (?:ho|cha|chha|xa)|(?:sanibar|shanibar|aaitabar|dashain|tihar)\S* (?:\S+ )?bida`),
    // Dying of waiting; falling off the Dashain swing.
    frame('idiom', x`(?:pratiksha|kurera|kurdai|wait)\S* (?:\S+ )?(?:ma )?(?:marna|marne) lag\S*`),
    frame('idiom', x`ping\S* (?:\S+ )?(?:ma )?(?:jhundi|jhunde|jhul|khas)\S*`),
    frame('benign', x`doctor\S* (?:le )?(?:bhane ?jasto|vane ?jasto|bhaneko|vaneko|diyeko|lekheko)|(?:daily|roj|dinhu|har din) (?:\S+ )?(?:khanxu|khanchu|khanchhu|khanchhu)`),
    frame('idiom', x`(?:bish|bis|bikh|vish) (?:jasto|jastai|jattikai) (?:tito|titto|namitho)`),
    frame('recovery', x`(?:barsa|barsha|varsha|sal|saal|mahina) (?:bhayo|vayo) (?:\S+ ){0,3}nagare\S*|(?:counselling|counseling|therapy|upachar)\S* ?(?:le|bata) (?:\S+ ){0,2}(?:help|madat|sahayog)`),
    // Years ago; better now with counselling or therapy.
    frame('recovery', x`(?:\d+|ek|dui|tin|char|panch) (?:barsa|barsha|varsha|sal|saal|mahina|hapta) (?:agadi|aghi|pahile|pahila)`),
    frame('relapse', x`(?:farkera|pharkera|farki|pharki) (?:\S+ )?(?:aau|aaun|aay|au|aun)\S*`),
    frame('recovery', x`(?:counselling|counseling|therapy|upachar|aushadhi|ausadhi|medicine)\S* ?(?:le|bata) (?:\S+ ){0,2}(?:thik|theek|sanchai|ramro|niko)`),
    // Threats at someone else, said in jest ("tan lai marchu", "uslai maarchu").
    frame('idiom', x`(?:u|us|uni|tan|timi|tapai|tyo|yo|roommate|sathi|bhai|dai|didi|bahini) ?lai (?:\S+ )?maa?r(?:chu|chhu|xu|dinchu|dinchhu|dinxu)`),
    // Food eaten is not pills taken; crops, pests and spraying.
    frame('idiom', x`(?:momo|khana|maggi|chowmein|chau ?chau|achar|roti|bhat|pizza|chocolate|samosa|tiffin|khaja)\S* (?:\S+ )?(?:khayo|khaye|khai|khaidiyo|khaideyo|khaisakyo)`),
    frame('benign', x`(?:bari|khet|bali|baali|dhan|makai|tarkari)\S* (?:\S+ ){0,3}(?:kira|kiraa|kit|rog)\S*|(?:bishadi|vishadi|kitnashak|pesticide|ausadhi|aushadhi)\S* (?:\S+ )?(?:chharnu|chharne|chharna|chhar|chhark|chark|spray)\S*`),
    frame('idiom', x`(?:kagaj|kagat|paper|chart|pyaj|pyaaj|tarkari|pencil)\S* (?:\S+ )?(?:katya|katyo|katen|katda|katna|tachya|tachda)\S*`),
    frame('idiom', x`(?:purana|puraana|old) (?:\S+ ){0,2}(?:guide|kitab|book|notes)\S* (?:\S+ )?(?:bhai|bahini|junior)\S* ?(?:lai)?`),
    frame('farewell', x`naya flat|flat ma sar\S*|room sar\S*|trip|ghumna jane|pokhara jane|reunion`),
    frame('recovery', x`(?:\d+|ek|dui|tin) (?:barsa|barsha|sal|mahina) (?:vayo|bhayo) (?:\S+ ){0,2}(?:gareko (?:chaina|chhaina)|chhodeko|chodeko)`),
    frame('idiom', x`(?:pencil|tarkari|pyaj|pyaaj)\S* (?:tachda|katda|tachdai|katdai) (?:\S+ ){0,3}(?:katyo|katiyo|lagyo)`),
    frame('farewell', x`vetaula|bhetaula|vetaunla|bhetaunla|feri (?:bhet|vet)\S*|farewell|(?:college|school|class|hostel)\S* (?:ko )?(?:antim|last) din`),
    frame('idiom', x`(?:khana ta|khanako lagi|ko lagi ta|lagi ta) (?:\S+ ){0,2}(?:jyan|jyaan) (?:dinchu|dinchhu|dinchau|dina pani)`),
    frame('idiom', x`(?:bhane|bhaye|bhae) (?:ta )?(?:marnu|marna) (?:huncha|hunchha|parcha|parchha|paryo)|marnu (?:huncha|hunchha|parcha|parchha)`),
    frame('recovery', x`(?:self ?harm|cutting|cut|raksi|nasha) (?:\S+ )?(?:chhodeko|chodeko|chhode|chode|banda gareko|free|clean)`),
    frame('recovery', x`(?:chhodeko|chodeko|chhadeko|chadeko) (?:\S+ ){0,2}(?:barsa|barsha|varsha|sal|mahina|hapta|din) (?:bhayo|vayo|bhaisakyo|vaisakyo)`),
    frame('education', x`(?:exam|psych\S*|notes?|chapter|syllabus|lecture|class|padhai)\S* (?:ma|maa|ko) (?:\S+ )?(?:atmahatya|aatmahatya|suicide)|(?:atmahatya|aatmahatya|suicide) (?:ko )?(?:risk factors?|rate|data|statistics|awareness|prevention)`),
    frame('fiction', x`samachar\S*|khabar\S*|news\S*`),
    frame('benign', x`(?:jworo|jwaro|jwar|tauko dukh\S*|pet dukh\S*|ruga|rugha|khoki)\S*`),
    frame('benign', x`(?:jworo|jwaro|jwar|tauko dukh\S*|pet dukh\S*|ruga|rugha|khoki)\S*`),
    // Pests in the kitchen, the room or the field: poison for them is household work.
    frame('benign', x`(?:musa|muso|usiya|upiyan|kira|kiraa|khatira|sanglo|makkhi|lamkhutte|bed ?bugs?)\S* (?:\S+ ){0,2}(?:dherai|le (?:\S+ ){0,2}(?:khayo|khanchha|khancha|tokyo|tokchha|tokcha|kaatyo)|ko atanka|lagyo)`),
  ],
};
