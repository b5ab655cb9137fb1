/*
 * test_events.c: event records end to end (text -> clauses -> events ->
 * JSON Lines) with a small fixed dictionary written here, one table row per
 * rule of docs/internals/clause.md: actor phrases, bodies from context,
 * compounds, passive, relative clauses, attribution, modality and its
 * negative cases (planned, denied, negated events are never asserted),
 * coreference and event anaphora. Each row gives the exact events.
 *
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <vigil/vigil.h>

#include "testutil.h"

static const char test_dict[] =
	"[actors]\n"
	"North Korea | DPRK = PRK type=country\n"
	"North Korean(s) = PRK type=demonym\n"
	"South Korea = KOR type=country\n"
	"South Korean(s) = KOR type=demonym\n"
	"Russia = RUS type=country\n"
	"Russian(s) = RUS type=demonym\n"
	"Ukraine = UKR type=country\n"
	"Ukrainian(s) = UKR type=demonym\n"
	"Pyongyang = PRKGOV type=capital country=PRK\n"
	"Moscow | the Kremlin = RUSGOV type=capital country=RUS\n"
	"Kyiv = UKRGOV type=capital country=UKR\n"
	"Seoul = KORGOV type=capital country=KOR\n"
	"Volodymyr Zelenskiy = UKRGOV type=person from=2019-05-20\n"
	"Vladimir Putin | Putin = RUSGOV type=person from=2012-05-07\n"

	"Joint Chiefs of Staff | JCS = ---MIL type=body context=KOR,USA\n"
	"defence ministry = ---MIL type=body\n"
	"United States = USA type=country\n"
	"[agents]\n"
	"troop(s) | soldier(s) | forces | military = MIL\n"
	"official(s) | government | president | ministry = GOV\n"
	"[verbs]\n"
	"+attack = 190 goldstein=-10 quad=4 plover=ASSAULT\n"
	"war against = 190 pos=noun goldstein=-10 quad=4 plover=ASSAULT\n"
	"+capture = 173 goldstein=-5 quad=4 plover=COERCE mode=arrest\n"
	"+send troop(s) to = 072 goldstein=8.3 quad=2 plover=AID mode=military\n"
	"+raise concern(s) over | +criticize = 111 goldstein=-2 quad=3 plover=ACCUSE\n"
	"a visit to | visit to = 042 pos=noun goldstein=1.9 quad=1 plover=CONSULT mode=visit\n"
	"+visit = 042 goldstein=1.9 quad=1 plover=CONSULT mode=visit\n"
	"+sign = 057 goldstein=8 quad=1 plover=SUPPORT\n"
	"agreement with = 057 pos=noun goldstein=8 quad=1 plover=SUPPORT\n"
	"+seize = 192 goldstein=-9.2 quad=4 plover=ASSAULT\n"
	"+deny the report(s) = 016 goldstein=-2 quad=1 plover=REJECT\n"
	"+decline to comment = 011 goldstein=-0.1 quad=1\n"
	"+assert = 010 goldstein=0 quad=1\n"
	"+deploy = 154 goldstein=-7.2 quad=4 plover=MOBILIZE\n"
	"deployment(s) = 154 pos=noun goldstein=-7.2 quad=4 plover=MOBILIZE\n"
	"+agree to = 030 goldstein=4 quad=1 plover=AGREE\n"
	"+agree to meet = 036 goldstein=4 quad=1 plover=AGREE\n"
	"+refuse = 120 goldstein=-4 quad=3 plover=REJECT\n"
	"+demand = 100 goldstein=-5 quad=3 plover=REQUEST\n"
	"+urge = 020 goldstein=3 quad=1 plover=REQUEST\n"
	"ceasefire = 0871 pos=noun goldstein=9 quad=2 plover=RETREAT\n"
	"+threaten to = 130 goldstein=-4.4 quad=3 plover=THREATEN\n"
	"threat(s) to = 130 pos=noun goldstein=-4.4 quad=3 plover=THREATEN\n"
	"+threaten to attack = 1384 goldstein=-7 quad=3 plover=THREATEN\n"
	"+issue an ultimatum = 139 goldstein=-7 quad=3 plover=THREATEN\n"
	"+accuse = 112 goldstein=-2 quad=3 plover=ACCUSE\n"
	"+support = 051 goldstein=3.4 quad=1 plover=SUPPORT\n"
	"+pledge support = 032 goldstein=4.5 quad=1 plover=AGREE\n"
	"+strike = 190 goldstein=-10 quad=4 plover=ASSAULT\n"
	"labour strike = 143 pos=noun goldstein=-6.5 quad=4 plover=PROTEST\n"
	"[cues]\n"
	"capacity to | has to = MODAL\n"
	"said | says | stated | saying = ATTRIB\n"
	"told = ATTRIB\n"
	"according to | claims = ATTRIB\n"
	"reportedly | appears to = HEDGE\n"
	"not | no signs of = NEG\n"
	"plans to | will | preparing to = FUTURE\n"
	"could | would | may | must | potential | if | willing to = MODAL\n"
	"last year | initially = PAST\n"
	"declined to | refused to = REFUSE\n"
	"denied | dismissed = DENY\n"
	"is to | are to | expected | proposed = FUTURE\n"
	"unlikely to | reserved the right to | focused on | ready for = MODAL\n"
	"allegedly | as expected = HEDGE\n"
	"refused = REFUSE\n"
	/* symmetric actions and agents placed by "in"/"from" */
	"[actors]\n"
	"China = CHN type=country\n"
	"Iran = IRN type=country\n"
	"Israel = ISR type=country\n"
	"Hezbollah = LBNREB type=org\n"
	"Chad = TCD type=country\n"
	"Ivory Coast = CIV type=country\n"
	"Baghdad = IRQGOV type=capital country=IRQ\n"
	"Kim Il Sung = PRKGOV type=person until=1994-07-08\n"
	"Ri Ok = PRKREB type=person until=1994-07-08\n"
	"[agents]\n"
	"rebel(s) = REB\n"
	"demonstrator(s) = CVL\n"
	"worker(s) = LAB\n"
	"[verbs]\n"
	"+clash = 190 goldstein=-10 quad=4 plover=ASSAULT\n"
	"+meet | +meet with = 040 goldstein=1 quad=1 plover=CONSULT\n"
	"talks between = 040 pos=noun goldstein=1 quad=1 plover=CONSULT\n"
	"+exchange prisoners | +release prisoners = 0841 goldstein=7 quad=2 plover=RETREAT\n"
	/* what a verb's object decides: patterns (verbs.vd) */
	"[synsets]\n"
	"provocation | aggression = &blame\n"
	"drone | drones = &weapon\n"
	"ambassador | envoy = &envoy\n"
	"blockade | siege = &blockade\n"
	"[verbs]\n"
	"+call = --- goldstein=0 quad=1\n"
	"+call = 111 goldstein=-2 quad=3 plover=ACCUSE pattern=*,&blame\n"
	"+summon = --- goldstein=0 quad=1\n"
	"+summon = 114 goldstein=-2 quad=3 plover=ACCUSE pattern=*,&envoy\n"
	"+host = 043 goldstein=2.8 quad=1 plover=CONSULT\n"
	"+lift = 0872 goldstein=9 quad=2 plover=RETREAT pattern=*,&blockade\n"
	"+blockade = 191 goldstein=-9.5 quad=4 plover=COERCE\n"
	"siege of = 191 pos=noun goldstein=-9.5 quad=4 plover=COERCE\n"
	/* TABARI verbs (pos=verb-only, as dict_petr_verbs.c writes them) */
	"+renew = 031 goldstein=3 quad=1 pos=verb-only\n"
	"+parade = 181 goldstein=-2 quad=3 pos=verb-only\n"
	"+close = 192 goldstein=-4 quad=3 pos=verb-only\n"
	"+scold = 122 goldstein=-2 quad=3 pos=verb-only\n"
	"+postpone = 120 goldstein=-4 quad=3 pos=verb-only\n"
	"+postpone = 191 goldstein=-4 quad=3 pos=verb-only pattern=%,have,*\n"
	"+side = 031 goldstein=3 quad=1 pos=verb-only\n"
	"+side = 036 goldstein=4 quad=1 pos=verb-only pattern=*,with,%\n"
	"+break = 075 goldstein=2 quad=1 pos=verb-only\n"
	"+promise = 050 goldstein=4 quad=1 pos=verb-only\n"
	"+promise = 173 goldstein=-5 quad=4 pos=verb-only pattern=*,raids\n"
	"+raid = 220 goldstein=-9 quad=4 pos=verb-only\n"
	"+regret = 111 goldstein=-2 quad=3 pos=verb-only\n"
	"+abandon = 345 goldstein=2 quad=1 pos=verb-only\n"
	"+regret = 115 goldstein=-2 quad=3 pos=verb-only pattern=noted,+,*\n"
	"+host = 043 goldstein=2.8 quad=1 plover=CONSULT pattern=*,talks,in,^,+\n"
	"+destroy = 1712 goldstein=-9.2 quad=4 plover=COERCE\n"
	"+destroy = 190 goldstein=-10 quad=4 plover=ASSAULT pattern=*,&weapon\n"
	"+declare = 010 goldstein=0 quad=1\n"
	"capture territory = 192 goldstein=-9.5 quad=4 plover=COERCE\n"
	"[actors]\n"
	"Irakli Kobakhidze = GEOGOV type=person from=2024-02-08\n"
	"[agents]\n"
	"opposition | the opposition = OPP\n"
	"counterpart(s) = GOV\n"
	"[verbs]\n"
	"+wound = 190 goldstein=-10 quad=4 plover=ASSAULT\n"
	"[cues]\n"
	"called = ATTRIB\n"
	"[places]\n"
	"Kherson = UA-65.KHERSON type=city country=UKR lat=46.64 lon=32.61\n"
	"Tehran = IR-07.TEHRAN type=city country=IRN lat=35.69 lon=51.39\n"
	/* "the two countries" */
	"[actors]\n"
	"India = IND type=country\n"
	"Pakistan = PAK type=country\n"
	"Britain = GBR type=country\n"
	"Azerbaijan = AZE type=country\n"
	"Armenia = ARM type=country\n"
	"Congo = COD type=country\n"
	"Rwanda = RWA type=country\n"
	"Tokyo = JPNGOV type=capital country=JPN\n"
	"Wagner = RUSUAF type=org\n"
	"[verbs]\n"
	"+pledge to = 030 goldstein=4 quad=1 plover=AGREE\n"
	"+commit to = 030 goldstein=4 quad=1 plover=AGREE\n"
	"withdrawal = 0874 pos=noun goldstein=7 quad=2 plover=RETREAT\n"
	"[cues]\n"
	"announced = ATTRIB\n";

static vigil_dict *dict;

static int setup(void **state)
{
	vigil_dict_options o = VIGIL_DICT_OPTIONS_INIT;
	const char *path = tu_write_temp(".vd", test_dict, strlen(test_dict));
	char err[256];

	(void)state;
	o.no_cache = 1;
	if (!path || vigil_dict_open(&dict, &path, 1, &o, err, sizeof(err)))
		return -1;
	remove(path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	vigil_dict_free(dict);
	return 0;
}

static const char *code_or_dash(json_t *obj)
{
	json_t *c = json_object_get(obj, "code");

	return json_is_string(c) ? json_string_value(c) : "-";
}

/*
 * Codes `text` and renders its events as
 * "ACTOR->RECIPIENT:CAMEO:AUX[:by=CODE][:~hedge]" joined by "; ".
 */
static void render_events(const char *text, const char *date, unsigned flags,
			  char *out, size_t cap)
{
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	vigil_coder *coder;
	vigil_worker *w;
	vigil_doc d;
	const char *data, *line;
	size_t len, used = 0;

	memset(&d, 0, sizeof(d));
	d.text = text;
	d.text_len = strlen(text);
	d.date = date;
	d.origin = "t.txt";
	co.dict = dict;
	co.flags = flags;
	assert_int_equal(vigil_coder_new(&coder, &co), VIGIL_OK);
	assert_int_equal(vigil_worker_new(&w, coder), VIGIL_OK);
	assert_int_equal(vigil_worker_code(w, &d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(w, VIGIL_OUTPUT_JSONL, &data, &len),
			 VIGIL_OK);
	out[0] = '\0';
	for (line = data; line < data + len;) {
		const char *nl = memchr(line, '\n', (size_t)(data + len - line));
		json_error_t jerr;
		json_t *r = json_loadb(line, (size_t)(nl - line), 0, &jerr);
		json_t *by, *hedge;

		assert_non_null(r);
		if (strcmp(json_string_value(json_object_get(r, "type")), "event") == 0) {
			by = json_object_get(r, "said_by");
			hedge = json_object_get(r, "hedge");
			used += (size_t)snprintf(out + used, cap - used, "%s%s->%s:%s:%s",
				used ? "; " : "",
				code_or_dash(json_object_get(r, "actor")),
				code_or_dash(json_object_get(r, "recipient")),
				json_string_value(json_object_get(r, "cameo")),
				json_string_value(json_object_get(r, "aux_mode")));
			if (json_is_object(by))
				used += (size_t)snprintf(out + used, cap - used,
							 ":by=%s", code_or_dash(by));
			if (json_is_string(hedge))
				used += (size_t)snprintf(out + used, cap - used,
							 ":~%s", json_string_value(hedge));
			assert_true(used < cap);
		}
		json_decref(r);
		line = nl + 1;
	}
	vigil_worker_free(w);
	vigil_coder_free(coder);
}

static const struct {
	const char *text;
	const char *want;
} cases[] = {
	/* actor phrases */
	{"North Korea attacked South Korea.", "PRK->KOR:190:asserted"},
	{"South Korea's military criticized North Korea.", "KORMIL->PRK:111:asserted"},
	{"North Korean soldiers attacked Ukraine.", "PRKMIL->UKR:190:asserted"},
	{"Ukrainian President Volodymyr Zelenskiy criticized Moscow.",
	 "UKRGOV->RUSGOV:111:asserted"},
	{"A North Korean official criticized Seoul.", "PRKGOV->KORGOV:111:asserted"},
	{"Moscow's forces attacked Kyiv.", "RUSMIL->UKRGOV:190:asserted"},
	/* bodies: possessor, then context in the sentence or document */
	{"South Korea's Joint Chiefs of Staff criticized Pyongyang.",
	 "KORMIL->PRKGOV:111:asserted"},
	{"Seoul is worried. The JCS criticized Pyongyang.",
	 "KORMIL->PRKGOV:111:asserted"},
	/* a body of several context countries: the last actor of its sector */
	{"South Korea's military spoke. The United States is worried. "
	 "The JCS criticized Pyongyang.",
	 "KORMIL->PRKGOV:111:asserted"},
	{"The United States is worried. The JCS criticized Pyongyang.",
	 "USAMIL->PRKGOV:111:asserted"},
	{"Russia's defence ministry attacked Ukraine.", "RUSMIL->UKR:190:asserted"},
	{"Ukraine and Russia met. The defence ministry attacked Kyiv.",
	 "UKR->RUS:040:asserted; RUS->UKR:040:asserted; "
	 "RUSMIL->UKRGOV:190:asserted"},
	/* compounds */
	{"Both Moscow and Pyongyang criticized Kyiv.",
	 "RUSGOV->UKRGOV:111:asserted; PRKGOV->UKRGOV:111:asserted"},
	{"Russia and North Korea attacked Ukraine.",
	 "RUS->UKR:190:asserted; PRK->UKR:190:asserted"},
	{"Russia attacked Ukraine, and Seoul criticized Moscow.",
	 "RUS->UKR:190:asserted; KORGOV->RUSGOV:111:asserted"},
	{"Moscow, Pyongyang and Kyiv criticized Seoul.",
	 "RUSGOV->KORGOV:111:asserted; PRKGOV->KORGOV:111:asserted; "
	 "UKRGOV->KORGOV:111:asserted"},
	{"Russia attacked Ukraine and South Korea.",
	 "RUS->UKR:190:asserted; RUS->KOR:190:asserted"},
	{"Ties between Russia and North Korea stem from a pact signed in Pyongyang.",
	 "RUS->PRK:057:asserted"},
	/* symmetric actions (04x, 057, agree, exchange prisoners, clash):
	 * a compound subject without object is A -> B and B -> A, as is a
	 * "between" group after the verb; other verbs, an object, or one
	 * subject keep one event per pair */
	{"Russia and Ukraine met.", "RUS->UKR:040:asserted; UKR->RUS:040:asserted"},
	{"Russia met Ukraine.", "RUS->UKR:040:asserted"},
	{"Russia met with Ukraine.", "RUS->UKR:040:asserted"},
	{"Russia and China met with Ukraine.",
	 "RUS->UKR:040:asserted; CHN->UKR:040:asserted"},
	{"Russia, Ukraine and China met.",
	 "RUS->UKR:040:asserted; UKR->RUS:040:asserted; "
	 "RUS->CHN:040:asserted; CHN->RUS:040:asserted; "
	 "UKR->CHN:040:asserted; CHN->UKR:040:asserted"},
	{"Russia and Ukraine signed a treaty.",
	 "RUS->UKR:057:asserted; UKR->RUS:057:asserted"},
	{"Russia and Ukraine clashed.",
	 "RUS->UKR:190:asserted; UKR->RUS:190:asserted"},
	{"Russia and Ukraine exchanged prisoners.",
	 "RUS->UKR:0841:asserted; UKR->RUS:0841:asserted"},
	{"Russia and Ukraine will meet.",
	 "RUS->UKR:040:future; UKR->RUS:040:future"},
	{"Seoul criticized talks between Russia and Ukraine.",
	 "KORGOV->-:111:asserted; RUS->UKR:040:asserted; UKR->RUS:040:asserted"},
	{"Russia and China criticized the United States.",
	 "RUS->USA:111:asserted; CHN->USA:111:asserted"},
	{"Russia and China criticized.", "RUS->-:111:asserted; CHN->-:111:asserted"},
	{"Russia and North Korea attacked.",
	 "RUS->-:190:asserted; PRK->-:190:asserted"},
	{"Russia and Ukraine released prisoners.",
	 "RUS->-:0841:asserted; UKR->-:0841:asserted"},
	/* a bare agent "in"/"from" a country or capital is of that country;
	 * "in" does not place troops, and an agent with a country keeps it */
	{"Rebels in the Ivory Coast attacked Chad.", "CIVREB->TCD:190:asserted"},
	{"Demonstrators in Baghdad criticized Russia.", "IRQCVL->RUS:111:asserted"},
	{"Troops from Chad attacked the town.", "TCDMIL->-:190:asserted"},
	{"Rebels from eastern Ukraine attacked Kyiv.", "UKRREB->UKRGOV:190:asserted"},
	{"Russia deployed troops in Ukraine.", "RUS->-:154:asserted"},
	{"Kyiv criticized Russian officials from Ukraine.",
	 "UKRGOV->RUSGOV:111:asserted"},
	/* "of" places a singular agent only */
	{"The government of Chad criticized Russia.", "TCDGOV->RUS:111:asserted"},
	{"Troops of Chad attacked Russia.", "TCD->RUS:190:asserted"},
	/* a pattern's `+` on the subject of a "that" clause: the source is
	 * the actor before the pattern's first word */
	{"North Korea noted that South Korea regretted the talks.",
	 "PRK->KOR:115:asserted"},
	{"North Korea said South Korea regretted the talks.",
	 "KOR->-:111:asserted:by=PRK"},
	/* a plural agent of an actor: of an organization, or of a country
	 * after "the"; a sector the code ends with is not repeated */
	{"The soldiers of Chad attacked Russia.",
	 "TCDMIL->RUS:190:asserted"},
	{"The soldiers of Chad and Russia attacked Ukraine.",
	 "TCDMIL->UKR:190:asserted; RUSMIL->UKR:190:asserted"},
	{"Soldiers of Hezbollah attacked Russia.",
	 "LBNREBMIL->RUS:190:asserted"},
	{"Rebels of Hezbollah attacked Russia.", "LBNREB->RUS:190:asserted"},
	/* a bare agent after "and" shares the country of the agent before */
	{"Russian soldiers and rebels attacked Chad.",
	 "RUSMIL->TCD:190:asserted; RUSREB->TCD:190:asserted"},
	/* objects */
	{"Russia's war against Ukraine continued.", "RUS->UKR:190:asserted"},
	{"Russia continued its war against Ukraine.", "RUS->UKR:190:asserted"},
	{"Putin's visit to Pyongyang was brief.", "RUSGOV->PRKGOV:042:asserted"},
	{"Russia attacked with drones in Ukraine.", "RUS->-:190:asserted"},
	/* passive voice */
	{"Two North Korean soldiers were captured in Russia.",
	 "-->PRKMIL:173:asserted"},
	{"Two North Korean soldiers were captured by Ukrainian forces.",
	 "UKRMIL->PRKMIL:173:asserted"},
	{"Reports of North Korean soldiers being captured spread.",
	 "-->PRKMIL:173:asserted"},
	/* relative clauses */
	{"Russia criticized Kyiv, which attacked Moscow.",
	 "RUS->UKRGOV:111:asserted; UKRGOV->RUSGOV:190:asserted"},
	{"North Korea criticized Ukraine, which Russia attacked.",
	 "PRK->UKR:111:asserted; RUS->UKR:190:asserted"},
	/* the main clause resumes after a non-restrictive relative clause */
	{"Russia and North Korea, which signed a pact in 2024, criticized Kyiv.",
	 "RUS->PRK:057:historical; PRK->RUS:057:historical; "
	 "RUS->UKRGOV:111:asserted; PRK->UKRGOV:111:asserted"},
	{"Russia, which Ukraine attacked, criticized Kyiv.",
	 "UKR->RUS:190:asserted; RUS->UKRGOV:111:asserted"},
	{"Russia criticized Kyiv, which attacked Moscow, accusing Seoul.",
	 "RUS->UKRGOV:111:asserted; UKRGOV->RUSGOV:190:asserted; "
	 "UKRGOV->KORGOV:112:asserted"},
	/* "V1 Y and V2": V2 shares V1's subject, not its object */
	{"Russia attacked Ukrainian soldiers and in March criticized Seoul.",
	 "RUS->UKRMIL:190:asserted; RUS->KORGOV:111:asserted"},
	{"Russia attacked Ukrainian soldiers, and Seoul criticized Kyiv.",
	 "RUS->UKRMIL:190:asserted; KORGOV->UKRGOV:111:asserted"},
	/* attribution */
	{"South Korea said North Korea attacked Russia.",
	 "PRK->RUS:190:asserted:by=KOR"},
	{"North Korea attacked Russia, South Korea said.",
	 "PRK->RUS:190:asserted:by=KOR"},
	/* a cue whose own clause follows (a subject and an auxiliary, its
	 * verb not coded) reports that clause, not what precedes */
	{"North Korea attacked Russia on Sunday, when South Korea said it "
	 "would stay out.",
	 "PRK->RUS:190:asserted"},
	{"North Korea attacked Russia on Sunday, when South Korea said.",
	 "PRK->RUS:190:asserted:by=KOR"},
	/* "we"/"our" in a quotation are its speaker, "our" + agent the
	 * speaker's country with the agent's sector; outside one nothing */
	{"\"Our military attacked Russia,\" South Korea said.",
	 "KORMIL->RUS:190:asserted:by=KOR"},
	{"South Korea said: \"We attacked Russia.\"",
	 "KOR->RUS:190:asserted:by=KOR"},
	{"We attacked Russia, South Korea said.", ""},
	/* "he" is the person named last, not the sentence's first actor */
	{"Vladimir Putin spoke. \"If Kyiv attacks, we will attack Ukraine,\" "
	 "he said.",
	 "UKRGOV->-:190:hypothetical:by=RUSGOV; RUSGOV->UKR:190:future:by=RUSGOV; "
	 "RUSGOV->UKR:1384:asserted:by=RUSGOV"},
	/* a speaker after neither comma nor quote covers nothing before */
	{"North Korea attacked Russia but South Korea has not said why.",
	 "PRK->RUS:190:asserted"},
	/* the speaker before an appositive of capitalised words */
	{"South Korea, General Kim Myung Soo, said North Korea attacked Russia.",
	 "PRK->RUS:190:asserted:by=KOR"},
	{"According to Ukraine, North Korea attacked Russia.",
	 "PRK->RUS:190:asserted:by=UKR"},
	{"The claims by Volodymyr Zelenskiy that Russia attacked Seoul surprised many.",
	 "RUS->KORGOV:190:asserted:by=UKRGOV"},
	/* event nouns: "between A and B" (a ceasefire is mutual), "by X" */
	{"A ceasefire between Israel and Hezbollah took effect.",
	 "ISR->LBNREB:0871:asserted; LBNREB->ISR:0871:asserted"},
	{"It coincided with a visit to Seoul by Vladimir Putin.",
	 "RUSGOV->KORGOV:042:asserted"},
	/* "Iran-backed": the patron is no actor, the phrase runs over it */
	{"Israel attacked the Iran-backed Hezbollah.", "ISR->LBNREB:190:asserted"},
	{"A ceasefire between Israel and the Iran-backed group Hezbollah held.",
	 "ISR->LBNREB:0871:asserted; LBNREB->ISR:0871:asserted"},
	{"Iran-backed rebels attacked Israel.", ""},
	/* an actor after the cue with a verb of its own is the reported
	 * clause's subject, not the speaker */
	{"Officials said Russia attacked Ukraine.", "RUS->UKR:190:asserted"},
	{"Officials said Russian troops had attacked Ukraine.",
	 "RUSMIL->UKR:190:historical"},
	/* "X V ... and said", "X V ..., saying": X speaks, up to a comma,
	 * and stays the subject of its own verb */
	{"Russia criticized Ukraine and said North Korea attacked Seoul.",
	 "RUS->UKR:111:asserted; PRK->KORGOV:190:asserted:by=RUS"},
	{"Russia criticized Ukraine, saying North Korea attacked Seoul, "
	 "and Kyiv attacked Moscow.",
	 "RUS->UKR:111:asserted; PRK->KORGOV:190:asserted:by=RUS; "
	 "UKRGOV->RUSGOV:190:asserted"},
	{"The JCS said they criticized Pyongyang.",
	 "KORMIL->PRKGOV:111:asserted:by=KORMIL"},
	{"A North Korean official asserted that Russia attacked Ukraine.",
	 "PRKGOV->-:010:asserted; RUS->UKR:190:asserted:by=PRKGOV"},
	/* hedges */
	{"North Korea reportedly attacked Russia.",
	 "PRK->RUS:190:asserted:~reportedly"},
	/* negation, refusal, denial: never asserted */
	{"North Korea did not attack Russia.", "PRK->RUS:190:negated"},
	{"There were no signs of North Korea attacking Russia.",
	 "PRK->RUS:190:negated"},
	{"Russia refused to attack Ukraine.",
	 "RUS->UKR:190:negated; RUS->UKR:120:asserted"},
	{"Russia denied that its troops attacked Ukraine.",
	 "RUSMIL->UKR:190:denied"},
	{"Pyongyang denied the reports of North Korean deployments.",
	 "PRKGOV->-:016:asserted; PRK->-:154:denied"},
	{"The Kremlin declined to comment.", "RUSGOV->-:011:asserted"},
	/* modality and plans: never asserted */
	{"North Korea will attack Russia.",
	 "PRK->RUS:190:future; PRK->RUS:1384:asserted"},
	{"North Korea could attack Russia.", "PRK->RUS:190:hypothetical"},
	{"If Russia attacks, North Korea would attack Ukraine.",
	 "RUS->-:190:hypothetical; PRK->UKR:190:hypothetical"},
	{"North Korea is preparing to deploy troops to Russia.",
	 "PRK->RUS:154:future"},
	{"South Korea raised concerns over North Korea's potential plans to "
	 "send troops to Russia.",
	 "KOR->PRK:111:asserted; PRK->RUS:072:future"},
	{"North Korea said any deployment was lawful.", ""},
	/* frames: intent (03x), refusal (12x), demand (10x) by X; V is
	 * never asserted; planned, denied or speculated frames neither */
	{"North Korea will visit Russia.",
	 "PRK->RUS:042:future; PRK->RUS:036:asserted"},
	{"North Korea is willing to visit Russia.",
	 "PRK->RUS:042:hypothetical; PRK->RUS:036:asserted"},
	{"North Korea may be willing to visit Russia.",
	 "PRK->RUS:042:hypothetical; PRK->RUS:036:hypothetical"},
	{"North Korea agreed to visit Russia.",
	 "PRK->RUS:036:asserted; PRK->RUS:042:future"},
	{"North Korea said it would visit Russia.",
	 "PRK->RUS:042:hypothetical:by=PRK; PRK->RUS:036:asserted:by=PRK"},
	/* "would not V" in reported speech, "will not V": a refusal (12x;
	 * 120 here: this dictionary has no "refuse to meet") */
	{"North Korea said it would not visit Russia.",
	 "PRK->RUS:042:negated:by=PRK; PRK->RUS:120:asserted:by=PRK"},
	{"North Korea will not visit Russia.",
	 "PRK->RUS:042:negated; PRK->RUS:120:asserted"},
	/* the refusal keeps its code when the refused verb's is a pattern's */
	{"North Korea said it would not summon Russia's ambassador.",
	 "PRK->RUS:114:negated:by=PRK; PRK->RUS:120:asserted:by=PRK"},
	{"North Korea did not visit Russia.", "PRK->RUS:042:negated"},
	/* an announced attack is a threat; with "unless", an ultimatum */
	{"North Korea said it will attack Russia.",
	 "PRK->RUS:190:future:by=PRK; PRK->RUS:1384:asserted:by=PRK"},
	{"North Korea threatened to attack Russia.", "PRK->RUS:1384:asserted"},
	{"North Korea threatened to seize Russia.",
	 "PRK->-:130:asserted; PRK->RUS:192:future"},
	{"North Korea will attack Russia unless China pays.",
	 "PRK->RUS:190:future; PRK->RUS:139:asserted"},
	/* part of speech: a verb form after a determiner or a possessive is
	 * a noun; a noun predicated with "as" is no event */
	{"China's attack on Russia killed many.", "CHN->RUS:190:asserted"},
	/* the noun's "by" agent is its actor (not a passive of "attack") */
	{"The attacks by China were condemned.", "CHN->-:190:asserted"},
	{"Ukraine described China as a threat to Russia.", ""},
	/* "support" is a verb only after a subject, "to", "help", a modal
	 * or "not"; its noun ("Ukrainian support", "its support") names a
	 * state: no event. "will support" is an intent (032) */
	{"Russia will support Ukraine.",
	 "RUS->UKR:051:future; RUS->UKR:032:asserted"},
	{"Russian officials support China.", "RUSGOV->CHN:051:asserted"},
	{"Russia criticized Ukrainian support for China.",
	 "RUS->UKR:111:asserted"},
	{"China ended its support for Russia.", ""},
	{"Russia sought strong support from China.", ""},
	/* a strike by workers is a labour strike (143), else military */
	{"Russian workers began a strike.", "RUSLAB->-:143:asserted"},
	{"Russia began a strike on Kyiv.", "RUS->UKRGOV:190:asserted"},
	{"Russian workers said Ukraine began a strike.",
	 "UKR->-:190:asserted:by=RUSLAB"},
	/* an event noun without actor opening the clause is the subject:
	 * its object is the recipient of an event without actor */
	{"The war against the town captured North Korean soldiers.",
	 "-->PRKMIL:173:asserted"},
	{"Troops used a war against the town to attack North Korean soldiers.",
	 ""},
	{"The war against the town captured North Korean soldiers, Russia said.",
	 "-->PRKMIL:173:asserted:by=RUS"},
	/* a subject pronoun after a cue is no "according to" speaker */
	{"Putin, a critic of Kyiv, said he supported China.",
	 "RUSGOV->CHN:051:asserted"},
	/* a participial adjunct takes the subject of the verb before it */
	{"China signed a deal, accusing Russia of aggression.",
	 "CHN->-:057:asserted; CHN->RUS:112:asserted"},
	/* a person outside the dates of their offices: an elite of the
	 * country (state office), else the group's code */
	{"Kim Il Sung visited Russia.", "PRKELI->RUS:042:asserted"},
	{"Ri Ok visited Russia.", "PRKREB->RUS:042:asserted"},
	{"China has the capacity to attack Russia.",
	 "CHN->RUS:190:hypothetical"},
	{"North Korea would visit Russia.", "PRK->RUS:042:hypothetical"},
	{"North Korea will attack Russia soon.",
	 "PRK->RUS:190:future; PRK->RUS:1384:asserted"},
	{"Russia declined to visit Pyongyang.",
	 "RUS->PRKGOV:042:negated; RUS->PRKGOV:120:asserted"},
	{"Russia did not refuse to attack Ukraine.",
	 "RUS->UKR:120:negated; RUS->UKR:190:negated"},
	{"South Korea said North Korea must visit Russia.",
	 "PRK->RUS:042:hypothetical:by=KOR; KOR->PRK:100:asserted"},
	{"South Korea said it must attack Russia.",
	 "KOR->RUS:190:hypothetical:by=KOR"},
	{"North Korea must attack Russia.", "PRK->RUS:190:hypothetical"},
	/* a verb of no code after "must" in reported speech: still the
	 * speaker's demand; not "must have", nor the speaker itself */
	{"South Korea said North Korea must leave.", "KOR->PRK:100:asserted"},
	{"South Korea said North Korea must have left.", ""},
	{"South Korea said that it must leave Russia.", ""},
	/* "told X to V": the teller's demand on X */
	{"South Korea told North Korea to leave.", "KOR->PRK:100:asserted"},
	{"South Korea told North Korea that it would leave.", ""},
	{"South Korea urged North Korea to visit Russia.",
	 "KOR->PRK:020:asserted; PRK->RUS:042:hypothetical"},
	/* an addressee that is no actor: the infinitive is still urged */
	{"South Korea urged both warring parties to visit Russia.",
	 "KOR->-:020:asserted; KOR->RUS:042:hypothetical"},
	/* plans, conditions and rehearsals: the cue phrase, and the scope
	 * of a cue over "to V" and "and V" chains; each with a counterpart
	 * that stays asserted */
	{"North Korea is to deploy troops to Russia.", "PRK->RUS:154:future"},
	{"North Korea is unlikely to attack Russia.", "PRK->RUS:190:hypothetical"},
	{"Russia reserved the right to attack Ukraine.",
	 "RUS->UKR:190:hypothetical"},
	{"Seoul expected North Korea to attack Russia.", "PRK->RUS:190:future"},
	{"As expected, North Korea attacked Russia.",
	 "PRK->RUS:190:asserted:~As expected"},
	{"Russia's proposed ceasefire began.", "RUS->-:0871:future"},
	{"Ukraine was ready for a ceasefire.", "UKR->-:0871:hypothetical"},
	{"North Korean troops held drills focused on attacking Seoul.",
	 "PRKMIL->KORGOV:190:hypothetical"},
	{"Russia could attack and seize Kyiv.",
	 "RUS->-:190:hypothetical; RUS->UKRGOV:192:hypothetical"},
	{"Russia could attack Kyiv and then Ukraine seized Moscow.",
	 "RUS->UKRGOV:190:hypothetical; UKR->RUSGOV:192:asserted"},
	{"Putin said nothing would change until he visited Pyongyang.",
	 "RUSGOV->PRKGOV:042:hypothetical:by=RUSGOV"},
	{"Russia attacked Ukraine until Putin visited Pyongyang.",
	 "RUS->UKR:190:asserted; RUSGOV->PRKGOV:042:asserted"},
	/* appeals, demands and refusals govern their infinitive or direct
	 * object, not a noun further on */
	{"Seoul urged Moscow to halt deployments.",
	 "KORGOV->RUSGOV:020:asserted; RUSGOV->-:154:hypothetical"},
	{"Kyiv demanded a ceasefire.",
	 "UKRGOV->-:100:asserted; UKRGOV->-:0871:hypothetical"},
	{"Kyiv demanded an investigation into the deployment of troops.",
	 "UKRGOV->-:100:asserted; UKRGOV->-:154:asserted"},
	{"Russia refused a ceasefire.",
	 "RUS->-:120:asserted; RUS->-:0871:negated"},
	{"Russia refused Kyiv after North Korean deployments.",
	 "RUS->UKRGOV:120:asserted; PRK->-:154:asserted"},
	{"Pyongyang denied the reports after Russia attacked Ukraine.",
	 "PRKGOV->-:016:asserted; RUS->UKR:190:asserted"},
	{"There were no signs of North Korean deployments.", "PRK->-:154:negated"},
	/* an "alleged" event noun is a claim; "allegedly V" only hedges */
	{"Seoul criticized the alleged North Korean deployments.",
	 "KORGOV->PRK:111:asserted; PRK->-:154:hypothetical"},
	{"North Korea allegedly deployed troops to Russia.",
	 "PRK->RUS:154:asserted:~allegedly"},
	/* the past */
	{"Ukraine had seized Russian territory last year.",
	 "UKR->RUS:192:historical"},
	{"Ukraine had seized the town.", "UKR->-:192:historical"},
	{"Putin visited Pyongyang in June 2024.", "RUSGOV->PRKGOV:042:historical"},
	{"Putin visited Pyongyang in June 2025.", "RUSGOV->PRKGOV:042:asserted"},
	{"Initially, Moscow denied the reports.", "RUSGOV->-:016:asserted"},
	{"North Korea initially deployed troops to Russia.",
	 "PRK->RUS:154:historical"},
	/* coreference */
	{"North Korean soldiers were deployed. Ukraine attacked these soldiers.",
	 "-->PRKMIL:154:asserted; UKR->PRKMIL:190:asserted"},
	{"South Korea criticized the North.", "KOR->PRK:111:asserted"},
	{"Russia criticized the North.", "RUS->-:111:asserted"}, /* no Korea */
	{"Putin will visit Pyongyang. Putin's visit to the city was brief.",
	 "RUSGOV->PRKGOV:042:future; RUSGOV->PRKGOV:036:asserted; "
	 "RUSGOV->PRKGOV:042:asserted"},
	/* no actor, no event */
	{"Troops attacked the town.", ""},
	{"The weather was fine in Seoul.", ""},
	/* a bare agent of a domestic sector takes the sentence's only
	 * country, unless that country is a target or across an
	 * attribution cue; armed forces never */
	{"Demonstrators attacked the town in Baghdad.", "IRQCVL->-:190:asserted"},
	{"Officials criticized the attack on Baghdad.", ""},
	{"Officials criticized Russia.", ""},
	{"Troops attacked the town in Baghdad.", ""},
	{"Russia attacked the town, officials said.", "RUS->-:190:asserted"},
	{"Officials criticized Russia in Baghdad and Kyiv.", ""},
	/* the head of the subject: an actor before "in/of/from X" */
	{"Troops in Chad attacked the town.", "TCDMIL->-:190:asserted"},
	{"Russian troops in Ukraine attacked Kyiv.", "RUSMIL->UKRGOV:190:asserted"},
	{"Russia attacked troops in Chad.", "RUS->-:190:asserted"},
	{"Soldiers of Ukraine attacked Russia.", "UKR->RUS:190:asserted"},
	/* "since" + a bare agent with a verb opens a clause */
	{"Seoul criticized Russia since the first troops attacked Kyiv.",
	 "KORGOV->RUS:111:asserted"},
	{"Russia after the first troop deployments attacked Kyiv.",
	 "RUS->-:154:asserted; RUS->UKRGOV:190:asserted"},
	/* "the government": the country in view when no GOV actor precedes */
	{"Ukraine attacked the town. The government criticized Russia.",
	 "UKR->-:190:asserted; UKRGOV->RUS:111:asserted"},
	{"Ukraine attacked the town. The officials criticized Russia.",
	 "UKR->-:190:asserted"},
	{"Ukraine attacked the town. The military criticized Russia.",
	 "UKR->-:190:asserted"},
	/* a passive agent further on, over a parenthetical */
	{"Kyiv was criticized over the handling of the town by Russian officials.",
	 "RUSGOV->UKRGOV:111:asserted"},
	{"Kyiv was criticized over the town, much of it ruined, by Russian officials.",
	 "RUSGOV->UKRGOV:111:asserted"},
	{"Kyiv was criticized over the town, backed by Russian officials.",
	 "-->UKRGOV:111:asserted"},
	/* "by X" right after a participle or event noun: X is the actor */
	{"Russia criticized the soldiers captured by Ukraine.",
	 "RUS->-:111:asserted; UKR->-:173:asserted"},
	/* "the two X" / "both X": the pair named together last, else the two
	 * most recent countries, with the noun's sector */
	{"India and Pakistan met. The two armies clashed.",
	 "IND->PAK:040:asserted; PAK->IND:040:asserted; "
	 "INDMIL->PAKMIL:190:asserted; PAKMIL->INDMIL:190:asserted"},
	{"Russia attacked Ukraine. Both governments agreed to a ceasefire.",
	 "RUS->UKR:190:asserted; RUSGOV->UKRGOV:030:asserted; "
	 "UKRGOV->RUSGOV:030:asserted"},
	/* a joint pledge is toward each other */
	{"Azerbaijan and Armenia met. The two nations pledged to open the border.",
	 "AZE->ARM:040:asserted; ARM->AZE:040:asserted; "
	 "AZE->ARM:030:asserted; ARM->AZE:030:asserted"},
	/* the parties' joint word on their own act names no one speaker ... */
	{"Britain and India signed a deal, the two governments announced.",
	 "GBR->IND:057:asserted; IND->GBR:057:asserted"},
	/* ... other joint speakers keep theirs */
	{"North Korea attacked, officials in Seoul and Tokyo said.",
	 "PRK->-:190:asserted:by=JPNGOV"},
	/* a looser link ("cleared of A and singled out B") is no pair */
	{"Moscow and Pyongyang denied the reports. Putin said the region was "
	 "cleared of Ukrainian forces and singled out North Korean troops. "
	 "The two nations signed a treaty.",
	 "RUSGOV->-:016:asserted; PRKGOV->-:016:asserted; "
	 "RUS->PRK:057:asserted; PRK->RUS:057:asserted"},
	/* a non-state armed group ("Wagner": RUSUAF) is no country of the pair */
	{"Congo and Rwanda met. Wagner and Rwanda signed the document. The two "
	 "countries agreed to meet.",
	 "COD->RWA:040:asserted; RWA->COD:040:asserted; "
	 "RUSUAF->RWA:057:asserted; RWA->RUSUAF:057:asserted; "
	 "COD->RWA:036:asserted; RWA->COD:036:asserted"},
	/* "committing X to V/N": a commitment, future */
	{"Congo and Rwanda signed a deal, committing the two neighbours to a "
	 "withdrawal.",
	 "COD->RWA:057:asserted; RWA->COD:057:asserted; "
	 "COD->-:0874:future; RWA->-:0874:future"},
	{"Pakistan said it remained committed to the ceasefire and accused India.",
	 "PAK->-:030:asserted:by=PAK; PAK->IND:112:asserted:by=PAK"},
	/* a past year after another verb does not date a present perfect */
	{"Russia has criticized Ukraine over troops attacking the town in 2019.",
	 "RUS->UKR:111:asserted; UKR->-:190:historical"},
	{"Russia criticized Ukraine over troops attacking the town in 2019.",
	 "RUS->UKR:111:historical; UKR->-:190:historical"},
	/* an event noun governed by a verb that talks about it (02, 03, 05,
	 * 09-13, or "called") is not its subject's act */
	{"Kyiv criticized the proposed ceasefire.", "UKRGOV->-:111:asserted"},
	{"Kyiv criticized the attack on Russia.", "UKRGOV->-:111:asserted"},
	{"Kyiv called the attack a provocation.", "UKRGOV->-:111:asserted"},
	{"Kyiv declared a ceasefire.",
	 "UKRGOV->-:010:asserted; UKRGOV->-:0871:asserted"},
	{"Kyiv criticized Russia's attack.",
	 "UKRGOV->RUS:111:asserted; RUS->-:190:asserted"},
	/* "called X a provocation" criticizes X; "called" alone attributes */
	{"Seoul called Pyongyang's launch a provocation.",
	 "KORGOV->PRKGOV:111:asserted"},
	{"Seoul called Russia a partner.", ""},
	/* "summoned Y's ambassador": Y is the recipient */
	{"Moscow summoned Ukraine's ambassador.", "RUSGOV->UKR:114:asserted"},
	/* the event noun holding a pattern's last word is what the verb acts
	 * on ("a week-old blockade": a noun over a hyphenated word) */
	{"Chad lifted a week-old blockade of Russia.", "TCD->RUS:0872:asserted"},
	{"Chad lifted the siege of Kyiv.", "TCD->UKRGOV:0872:asserted"},
	{"Chad blockaded Russia.", "TCD->RUS:191:asserted"},
	/* TABARI's `^` skips an actor phrase before `+`: Kyiv is passed over */
	{"Russia hosted talks in Kyiv for Chad.", "RUS->TCD:043:asserted"},
	/* TABARI verbs: a possessive is no target, the default target is;
	 * "very close" is no verb; no passive without "by" */
	{"Chad renewed its license in Kyiv.", "TCD->UKRGOV:031:asserted"},
	{"Chad paraded very close to Kyiv.", "TCD->UKRGOV:181:asserted"},
	{"Chad was scolded over its dispute with Russia.",
	 "TCD->RUS:122:asserted"},
	/* TABARI's `%`: a compound before the verb acts among its members,
	 * after it is the target; a single actor does not match it */
	{"Chad and China have postponed their summit.",
	 "TCD->CHN:191:asserted; CHN->TCD:191:asserted"},
	{"Chad has postponed its summit with Russia.",
	 "TCD->RUS:120:asserted"},
	{"Chad sided with China and Russia.",
	 "TCD->CHN:036:asserted; TCD->RUS:036:asserted"},
	{"Chad sided with Russia.", "TCD->RUS:031:asserted"},
	/* a gerund after "after" and a noun after "a 12-year" are no verbs */
	{"Chad scolded Russia after renewing ties with China.",
	 "TCD->RUS:122:asserted"},
	{"Chad scolded Russia after a 12-year break.",
	 "TCD->RUS:122:asserted"},
	/* a pattern's word that is a verb itself does not end the object
	 * search of the pattern's verb (the word still codes its own event,
	 * which TABARI, reading it as the pattern's, would not) */
	{"Chad promised raids to Russia.",
	 "TCD->RUS:173:asserted; TCD->RUS:220:asserted"},
	/* TABARI codes one verb per clause: an infinitive in the clause of a
	 * coded verb codes nothing, the verb's target is sought past it ("and"
	 * opens a clause of its own: promised codes, raid not; in a relative
	 * clause the infinitive is coded) */
	{"Chad abandoned efforts to raid Russia.", "TCD->RUS:345:asserted"},
	{"Chad abandoned Russia and promised to raid China.",
	 "TCD->RUS:345:asserted; TCD->CHN:050:asserted"},
	{"Chad abandoned Russia, which wants to raid China.",
	 "TCD->RUS:345:asserted; RUS->CHN:220:asserted"},
	/* nor does a verb of a clause of background time after it; another
	 * clause opener after it, or a time clause without duration, does */
	{"Chad renewed ties with Russia, years after Kyiv raided China.",
	 "TCD->RUS:031:asserted"},
	{"Chad renewed ties with Russia years after the war, and Kyiv raided "
	 "China.", "TCD->RUS:031:asserted; UKRGOV->CHN:220:asserted"},
	{"Chad renewed ties with Russia while Kyiv raided China.",
	 "TCD->RUS:031:asserted; UKRGOV->CHN:220:asserted"},
	/* TABARI's source is the clause's first actor, not one after a
	 * preposition */
	{"Chad in its row with Russia scolded China.",
	 "TCD->CHN:122:asserted"},
	/* PETRARCH codes a phrase by its first actor: the possessor's country
	 * (with the sector of an agent of the phrase), not the person's code;
	 * not past a verb */
	{"China's sly Irakli Kobakhidze scolded Russia.", "CHN->RUS:122:asserted"},
	{"China's Irakli Kobakhidze scolded Russia.", "CHN->RUS:122:asserted"},
	{"China's envoy scolded Irakli Kobakhidze.", "CHN->GEOGOV:122:asserted"},
	/* an agent without a country is TABARI's ---: as target and speaker */
	{"Chad scolded troops.", "TCD->---MIL:122:asserted"},
	{"The troops scolded Chad.", "---MIL->TCD:122:asserted"},
	{"Moscow summoned Ukrainian officials.", ""},
	/* destroying drones is combat; other things, property */
	{"Russian forces destroyed 95 Ukrainian drones.",
	 "RUSMIL->UKR:190:asserted"},
	{"Russian forces destroyed the bridge.", "RUSMIL->-:1712:asserted"},
	/* capturing a place is occupying territory (192); people, arrest */
	{"Russian forces captured Kherson.", "RUSMIL->UKR:192:asserted"},
	{"Russian forces captured Ukrainian soldiers.",
	 "RUSMIL->UKRMIL:173:asserted"},
	/* a surname alone refers to the person named in full before, with
	 * the code valid on the date; not inside another name */
	{"Irakli Kobakhidze visited Kyiv. Kobakhidze criticized Russia.",
	 "GEOGOV->UKRGOV:042:asserted; GEOGOV->RUS:111:asserted"},
	{"Kobakhidze criticized Russia.", ""},
	{"Irakli Kobakhidze visited Kyiv. Maria Kobakhidze criticized Russia.",
	 "GEOGOV->UKRGOV:042:asserted"},
	{"Kim Il Sung visited Seoul. Sung criticized Seoul.",
	 "PRKELI->KORGOV:042:asserted; PRKELI->KORGOV:111:asserted"},
	{"Irakli Kobakhidze visited Kyiv. Kyiv criticized Kobakhidze's attack.",
	 "GEOGOV->UKRGOV:042:asserted; UKRGOV->GEOGOV:111:asserted; "
	 "GEOGOV->-:190:asserted"},
	/* a title before a name the dictionary lacks: the name joins the
	 * phrase, and its surname refers back */
	{"Ukrainian President Petro Ivanenko visited Seoul. Ivanenko "
	 "criticized Russia.",
	 "UKRGOV->KORGOV:042:asserted; UKRGOV->RUS:111:asserted"},
	/* "the opposition": an institution of the country in view */
	{"Kyiv criticized Russia. Kyiv accused the opposition.",
	 "UKRGOV->RUS:111:asserted; UKRGOV->UKROPP:112:asserted"},
	/* "his"/"her" refer to the nearest person named in full */
	{"South Korea criticized Russia after Volodymyr Zelenskiy visited Seoul, his office "
	 "said.",
	 "KOR->RUS:111:asserted:by=UKRGOV; UKRGOV->KORGOV:042:asserted:by=UKRGOV"},
	/* "and his Russian counterpart X": the pronoun is a determiner and
	 * the compound holds */
	{"Ukrainian President Volodymyr Zelenskiy and his Russian counterpart "
	 "Vladimir Putin met.",
	 "UKRGOV->RUSGOV:040:asserted; RUSGOV->UKRGOV:040:asserted"},
	/* a noun phrase between an actor and a cue: no speaker; a PAST cue
	 * after another verb or cue dates that one */
	{"Kyiv met with Moscow over the plan stated by Seoul last year.",
	 "UKRGOV->RUSGOV:040:asserted"},
	{"Kyiv met with Moscow over the plan last year.",
	 "UKRGOV->RUSGOV:040:historical"},
	{"Kyiv met with Moscow over the plan, Seoul said.",
	 "UKRGOV->RUSGOV:040:asserted:by=KORGOV"},
	/* the prepositional object of an owned event noun is not the
	 * subject of the verb after it: the noun's owner is */
	{"Russia's attack on targets across Ukraine wounded 31 people.",
	 "RUS->UKR:190:asserted; RUS->-:190:asserted"},
	{"The attack on Kyiv wounded 31 Russian soldiers.",
	 "-->RUSMIL:190:asserted"},
	/* a patron place is no recipient */
	{"Russia attacked the Tehran-backed militia.", "RUS->-:190:asserted"},
	{"Russia attacked Tehran.", "RUS->IRN:190:asserted"},
	/* a one-word PAST cue opening the sentence before a comma, over up to
	 * three plain words, sequences the story */
	{"Initially on Monday, Kyiv attacked Russia.", "UKRGOV->RUS:190:asserted"},
	{"Initially Kyiv attacked Russia.", "UKRGOV->RUS:190:historical"},
	/* an event noun as subject takes its predicate's plan or condition */
	{"Talks between Russia and Ukraine are expected to take place.",
	 "RUS->UKR:040:future; UKR->RUS:040:future"},
	{"Talks between Russia and Ukraine could resume.",
	 "RUS->UKR:040:hypothetical; UKR->RUS:040:hypothetical"},
	{"Talks between Russia and Ukraine took place.",
	 "RUS->UKR:040:asserted; UKR->RUS:040:asserted"},
	/* an event noun as a verb's object lends it its own argument */
	{"Russia signed a defence and economic agreement with Ukraine.",
	 "RUS->UKR:057:asserted"},
	/* a reduced relative without "by": the actor before the participle
	 * is its recipient when it stands as an object; not a subject after
	 * "said" */
	{"Ukraine still holds two North Korean soldiers captured in January.",
	 "-->PRKMIL:173:asserted"},
	{"Russia said North Korean soldiers attacked in January.",
	 "PRKMIL->-:190:asserted:by=RUS"},
	{"North Korean soldiers captured in January.", "PRKMIL->-:173:asserted"},
	/* an event noun heading a clause of time is no argument of the
	 * clause around it */
	{"Russia criticized Ukraine since the attack began.",
	 "RUS->UKR:111:asserted"},
	/* a speech act in a participle after reported speech is the
	 * speaker's, told by the narrator */
	{"Seoul said Russia attacked Ukraine, criticizing Moscow.",
	 "RUS->UKR:190:asserted:by=KORGOV; KORGOV->RUSGOV:111:asserted"},
	{"Seoul said Russia attacked Ukraine, attacking Moscow.",
	 "RUS->UKR:190:asserted:by=KORGOV; RUS->RUSGOV:190:asserted:by=KORGOV"},
	/* a bare demonym joined to a demonym with an agent shares the agent;
	 * a country name does not */
	{"North Korean and Russian troops attacked Ukraine.",
	 "PRKMIL->UKR:190:asserted; RUSMIL->UKR:190:asserted"},
	{"North Korea and Russian troops attacked Ukraine.",
	 "PRK->UKR:190:asserted; RUSMIL->UKR:190:asserted"},
	/* "also", "already", "just" between an auxiliary and its verb */
	{"Ukraine had also attacked Russia.", "UKR->RUS:190:historical"},
	{"North Korean soldiers were already captured.", "-->PRKMIL:173:asserted"},
	/* a denial verb with its object does not deny what "and" joins */
	{"Russia denied the reports and criticized Ukraine.",
	 "RUS->-:016:asserted; RUS->UKR:111:asserted"},
	/* an appeal joined by "and" to a coded speaker's statement is the
	 * speaker's own act */
	{"Seoul said Russia attacked Ukraine and urged Moscow to halt.",
	 "RUS->UKR:190:asserted:by=KORGOV; KORGOV->RUSGOV:020:asserted"},
	/* ", where ..." is a relative clause: the frame after it does not
	 * reach in */
	{"Seoul said Russia attacked Ukraine at a summit, where Putin "
	 "criticized Kyiv.",
	 "RUS->UKR:190:asserted:by=KORGOV; RUSGOV->UKRGOV:111:asserted"},
	/* a participle right after an article modifies its noun */
	{"Putin visited the captured North Korean soldiers.",
	 "RUSGOV->-:042:asserted; -->PRKMIL:173:asserted"},
	{"Russia attacked Ukraine in seized towns.", "RUS->UKR:190:asserted"},
	/* an aside opening with an article between the subject and its verb */
	{"Russia, a key North Korean ally, has attacked Ukraine.",
	 "RUS->UKR:190:asserted"},
	/* a past tense joined by "and" is outside a modal's chain */
	{"Russia would attack Ukraine and criticized Kyiv.",
	 "RUS->UKR:190:hypothetical; RUS->UKRGOV:111:asserted"},
	{"Russia would attack Ukraine and criticize Kyiv.",
	 "RUS->UKR:190:hypothetical; RUS->UKRGOV:111:hypothetical"},
	/* "X said that ..." reaches no further than a ';' */
	{"Seoul said Russia attacked Ukraine; Kyiv criticized Moscow.",
	 "RUS->UKR:190:asserted:by=KORGOV; UKRGOV->RUSGOV:111:asserted"},
	{"Seoul said Russia attacked Ukraine, and Kyiv criticized Moscow.",
	 "RUS->UKR:190:asserted:by=KORGOV; UKRGOV->RUSGOV:111:asserted"},
	/* "the ministry": the phrase with that head named in this sentence or
	 * the one before, whatever its sector */
	{"Russia's defence ministry criticized Kyiv. The ministry attacked "
	 "Ukraine.",
	 "RUSMIL->UKRGOV:111:asserted; RUSMIL->UKR:190:asserted"},
};

static void test_event_table(void **state)
{
	size_t i;
	char got[1024];

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		render_events(cases[i].text, "2025-02-15", 0, got, sizeof(got));
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\"\n  got  \"%s\"\n  want \"%s\"", i,
				 cases[i].text, got, cases[i].want);
	}
}

/* The fields of one record, exactly; without a date, date is null. */
static void test_event_record(void **state)
{
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	vigil_coder *coder;
	vigil_worker *w;
	vigil_doc d;
	vigil_doc_summary sum;
	const char *data, *ev;
	size_t len;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.text = "Putin criticized Kyiv.";
	d.text_len = strlen(d.text);
	d.id = "t1";
	co.dict = dict;
	assert_int_equal(vigil_coder_new(&coder, &co), VIGIL_OK);
	assert_int_equal(vigil_worker_new(&w, coder), VIGIL_OK);
	assert_int_equal(vigil_worker_code(w, &d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(w, VIGIL_OUTPUT_JSONL, &data, &len),
			 VIGIL_OK);
	ev = strstr(data, "{\"type\":\"event\"");
	assert_non_null(ev);
	assert_string_equal(ev,
		"{\"type\":\"event\",\"id\":\"t1-1-1\",\"doc\":\"t1\",\"sentence\":1,"
		"\"date\":null,\"date_precision\":null,"
		"\"actor\":{\"code\":\"RUSGOV\",\"country\":\"RUS\",\"sector\":\"GOV\","
		"\"text\":\"Putin\"},"
		"\"recipient\":{\"code\":\"UKRGOV\",\"country\":\"UKR\",\"sector\":\"GOV\","
		"\"text\":\"Kyiv\"},"
		"\"event\":\"ACCUSE\",\"mode\":null,\"aux_mode\":\"asserted\","
		"\"hedge\":null,\"quad_code\":3,\"cameo\":\"111\",\"goldstein\":-2.0,"
		"\"said_by\":null,\"event_loc\":null,\"trigger\":\"criticized\","
		"\"span\":[0,21],\"text\":\"Putin criticized Kyiv.\"}\n");
	vigil_worker_summary(w, &sum);
	assert_int_equal(sum.events, 1);
	vigil_worker_free(w);
	vigil_coder_free(coder);
}

/* --explain names the rules and the dictionary lines. */
static void test_event_explain(void **state)
{
	char got[1024];
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	vigil_coder *coder;
	vigil_worker *w;
	vigil_doc d;
	const char *data, *why;
	size_t len;

	(void)state;
	(void)got;
	memset(&d, 0, sizeof(d));
	d.text = "Two North Korean soldiers were captured by Ukrainian forces.";
	d.text_len = strlen(d.text);
	d.date = "2025-02-15";
	co.dict = dict;
	co.flags = VIGIL_CODE_EXPLAIN;
	assert_int_equal(vigil_coder_new(&coder, &co), VIGIL_OK);
	assert_int_equal(vigil_worker_new(&w, coder), VIGIL_OK);
	assert_int_equal(vigil_worker_code(w, &d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(w, VIGIL_OUTPUT_JSONL, &data, &len),
			 VIGIL_OK);
	why = strstr(data, "\"why\":");
	assert_non_null(why);
	assert_non_null(strstr(why, "\"rules\":[\"subject-left\",\"passive\","
				    "\"passive-by-agent\"]"));
	assert_non_null(strstr(why, "\"verb\":\""));
	assert_non_null(strstr(why, ".vd:25\""));  /* +capture */
	vigil_worker_free(w);
	vigil_coder_free(coder);
}

/*
 * Event dates (dating.c): the event's own clause, else the reporting
 * statement's clause, else the publication date; "N units after X". Each
 * row renders the events as "CAMEO@DATE/PRECISION" joined by "; ".
 */
static const struct {
	const char *text;
	const char *want;
} date_cases[] = {
	{"Putin criticized Kyiv.", "111@2025-02-15/day"},
	{"Putin criticized Kyiv on Friday.", "111@2025-02-14/day"},
	{"Putin criticized Kyiv yesterday.", "111@2025-02-14/day"},
	{"Putin criticized Kyiv last week.", "111@2025-02-03/week"},
	{"Putin visited Pyongyang in June 2024.", "042@2024-06-01/month"},
	{"Putin criticized Kyiv last autumn.", "111@2024-09-01/season"},
	{"Ukraine had seized the region last year.", "192@2024-01-01/year"},
	/* the statement's date */
	{"The JCS stated on Friday that North Korea will send troops to Russia.",
	 "072@2025-02-14/day"},
	{"Kyiv said on Monday that Russia attacked Ukraine.", "190@2025-02-10/day"},
	/* the own clause wins over the statement's */
	{"Kyiv said on Monday that Russia attacked Ukraine last week.",
	 "190@2025-02-03/week"},
	/* another clause's date is not the event's */
	{"Russia attacked Ukraine, which Putin visited in June 2024.",
	 "190@2025-02-15/day; 042@2024-06-01/month"},
	/* an "after"/"when" clause without a date: the modified clause's
	 * date (X happened then or just before); not for "before" */
	{"Russia criticized Ukraine on Monday after Putin visited Kyiv.",
	 "111@2025-02-10/day; 042@2025-02-10/day"},
	{"After Putin visited Kyiv, Russia criticized Ukraine on Monday.",
	 "042@2025-02-10/day; 111@2025-02-10/day"},
	{"Russia criticized Ukraine on Monday before Putin visited Kyiv.",
	 "111@2025-02-10/day; 042@2025-02-15/day"},
	{"Russia criticized Ukraine after Putin visited Kyiv on Monday.",
	 "111@2025-02-15/day; 042@2025-02-10/day"},
	/* an appositive's date dates its noun phrase, not the clause's verb */
	{"Kyiv said on Monday that Russia attacked Kharkiv, the city held by "
	 "Ukraine since last August.",
	 "190@2025-02-10/day"},
	{"Russia attacked Kharkiv, the city held by Ukraine since last August.",
	 "190@2025-02-15/day"},
	/* ... but a date after the appositive is the clause's */
	{"Russia attacked Kharkiv, the second city, last week.",
	 "190@2025-02-03/week"},
	/* a date modifying a noun ("the January 9 attack") dates that noun's
	 * phrase, never the clause's verb */
	{"Russia criticized Ukraine in response to the January 9 attack on Kyiv.",
	 "111@2025-02-15/day; 190@2025-01-09/day"},
	{"Russia criticized Ukraine on Monday in response to the January 9 "
	 "attack on Kyiv.",
	 "111@2025-02-10/day; 190@2025-01-09/day"},
	{"Kyiv accused Russia on Monday of the January 9 attack on Kharkiv.",
	 "112@2025-02-10/day; 190@2025-01-09/day"},
	{"The fighting began on Wednesday, when Russia attacked Ukraine in "
	 "response to the January 9 killing of 26 people.",
	 "190@2025-02-12/day"},
	/* ... and, when that noun phrase is the subject of a verb, the verb:
	 * the same event ("the January 9 attack on Kyiv destroyed ...") */
	{"The January 9 attack on Kyiv by Russia destroyed Ukrainian tanks.",
	 "1712@2025-01-09/day"},
	{"Ukraine said the January 9 attack on Kyiv by Russia destroyed "
	 "Ukrainian tanks.",
	 "1712@2025-01-09/day"},
	/* no subject: after a preposition, the verb keeps its own date */
	{"After the January 9 attack on Kyiv Russia destroyed Ukrainian tanks.",
	 "1712@2025-02-15/day"},
	/* anchored: X gets the estimate, or the modified clause's date minus N */
	{"The statement comes four months after North Korea deployed troops.",
	 "154@2024-10-01/month"},
	{"Kyiv criticized Moscow on Friday, two days after Russia attacked Ukraine.",
	 "111@2025-02-14/day; 190@2025-02-12/day"},
	/* X an earlier dated event: the later clause is dated from it */
	{"Russia attacked Ukraine on Monday. Ukraine attacked Russia two days after "
	 "Russia attacked Ukraine.",
	 "190@2025-02-10/day; 190@2025-02-12/day; 190@2025-02-10/day"},	/* an act reported as done is not dated after the report: a later date
	 * dates what it announces (a threat made now); a future event keeps
	 * its planned date (the statement that it will is a threat, made now) */
	{"Russia threatened to attack Kyiv next week.", "1384@2025-02-15/day"},
	{"Kyiv said on Monday that Russia threatened to attack Kyiv next week.",
	 "1384@2025-02-10/day"},
	{"Russia threatened to attack Kyiv last week.", "1384@2025-02-03/week"},
	{"Russia will attack Ukraine next week.",
	 "190@2025-02-17/week; 1384@2025-02-15/day"},
};

static void render_dates(const char *text, char *out, size_t cap)
{
	vigil_coder_options co = VIGIL_CODER_OPTIONS_INIT;
	vigil_coder *coder;
	vigil_worker *w;
	vigil_doc d;
	const char *data, *line;
	size_t len, used = 0;

	memset(&d, 0, sizeof(d));
	d.text = text;
	d.text_len = strlen(text);
	d.date = "2025-02-15";
	co.dict = dict;
	assert_int_equal(vigil_coder_new(&coder, &co), VIGIL_OK);
	assert_int_equal(vigil_worker_new(&w, coder), VIGIL_OK);
	assert_int_equal(vigil_worker_code(w, &d), VIGIL_OK);
	assert_int_equal(vigil_worker_records(w, VIGIL_OUTPUT_JSONL, &data, &len),
			 VIGIL_OK);
	out[0] = '\0';
	for (line = data; line < data + len;) {
		const char *nl = memchr(line, '\n', (size_t)(data + len - line));
		json_error_t jerr;
		json_t *r = json_loadb(line, (size_t)(nl - line), 0, &jerr);

		assert_non_null(r);
		if (strcmp(json_string_value(json_object_get(r, "type")), "event") == 0)
			used += (size_t)snprintf(
				out + used, cap - used, "%s%s@%s/%s", used ? "; " : "",
				json_string_value(json_object_get(r, "cameo")),
				json_string_value(json_object_get(r, "date")),
				json_string_value(json_object_get(r, "date_precision")));
		assert_true(used < cap);
		json_decref(r);
		line = nl + 1;
	}
	vigil_worker_free(w);
	vigil_coder_free(coder);
}

static void test_event_dates(void **state)
{
	size_t i, bad = 0;
	char got[1024];

	(void)state;
	for (i = 0; i < sizeof(date_cases) / sizeof(date_cases[0]); i++) {
		render_dates(date_cases[i].text, got, sizeof(got));
		if (strcmp(got, date_cases[i].want) != 0) {
			print_error("case %zu: \"%s\"\n  got  \"%s\"\n  want \"%s\"\n",
				    i, date_cases[i].text, got, date_cases[i].want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_event_table),
		cmocka_unit_test(test_event_record),
		cmocka_unit_test(test_event_explain),
		cmocka_unit_test(test_event_dates),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
