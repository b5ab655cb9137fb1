/*
 * clause_words.c: the closed-class words of English that the clause stage
 * needs to find clause boundaries, passive voice, determiners, pronouns and
 * prepositions. One sorted static table, looked up by binary search on the
 * ASCII-lowercased token; words longer than 15 bytes are never in it.
 *
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "clause_int.h"

typedef struct word_class {
	const char *w;
	uint32_t cls;
} word_class;

#define P  W_PREP
#define PB (W_PREP | W_BLOCK)
#define PO (W_PREP | W_OBJPREP)

/* Sorted by strcmp (tests/unit/test_clause.c checks it). */
static const word_class words[] = {
	{"a", W_DET},
	{"about", PB},
	{"across", P},
	{"after", PB | W_SUBX},
	{"against", PO},
	{"all", W_DET},
	{"along", P},
	{"also", 0},
	{"although", W_SUB},
	{"amid", PB},
	{"among", PB},
	{"an", W_DET},
	{"and", W_COORD},
	{"another", W_DET},
	{"any", W_DET | W_NONSPEC},
	{"april", W_MONTH},
	{"are", W_BE},
	{"around", P},
	{"as", PB | W_SUBX},
	{"at", PB},
	{"august", W_MONTH},
	{"be", W_BE},
	{"because", W_SUB},
	{"been", W_BE},
	{"before", PB | W_SUBX},
	{"behind", P},
	{"being", W_BE},
	{"between", P},
	{"beyond", P},
	{"both", W_PAIR},
	{"but", W_COORD | W_BUT},
	{"by", PB},
	{"can", W_MODAL},
	{"could", W_MODAL},
	{"december", W_MONTH},
	{"despite", PB},
	{"did", W_DO},
	{"do", W_DO},
	{"does", W_DO},
	{"dozens", W_NUM},
	{"during", PB},
	{"each", W_DET},
	{"eight", W_NUM},
	{"either", W_PAIR},
	{"eleven", W_NUM},
	{"every", W_DET},
	{"february", W_MONTH},
	{"few", W_DET},
	{"five", W_NUM},
	{"for", PB},
	{"four", W_NUM},
	{"from", PB},
	{"had", W_HAVE},
	{"has", W_HAVE},
	{"have", W_HAVE},
	{"having", W_HAVE},
	{"he", W_PRON},
	{"her", W_POSSPRON},
	{"his", W_POSSPRON},
	{"hundreds", W_NUM},
	{"if", W_SUB},
	{"in", PB},
	{"inside", PB},
	{"into", PO},
	{"is", W_BE},
	{"it", W_PRON},
	{"its", W_POSSPRON},
	{"january", W_MONTH},
	{"july", W_MONTH},
	{"june", W_MONTH},
	{"many", W_DET},
	{"march", W_MONTH},
	{"may", W_MODAL | W_MONTH},
	{"might", W_MODAL},
	{"more", W_DET},
	{"most", W_DET},
	{"must", W_MODAL},
	{"near", PB},
	{"neither", W_PAIR},
	{"nine", W_NUM},
	{"november", W_MONTH},
	{"october", W_MONTH},
	{"of", PB},
	{"on", PO},
	{"once", W_SUBX},
	{"one", W_NUM},
	{"onto", PO},
	{"or", W_COORD},
	{"other", W_DET},
	{"over", P},
	{"per", PB},
	{"september", W_MONTH},
	{"seven", W_NUM},
	{"several", W_DET},
	{"shall", W_MODAL},
	{"she", W_PRON},
	{"should", W_MODAL},
	{"since", PB | W_SUBX},
	{"six", W_NUM},
	{"some", W_DET},
	{"such", W_DET},
	{"ten", W_NUM},
	{"than", PB},
	{"that", W_THAT},
	{"the", W_DET | W_DEM},
	{"their", W_POSSPRON},
	{"these", W_DET | W_DEM},
	{"they", W_PRON},
	{"this", W_DET | W_DEM},
	{"those", W_DET | W_DEM},
	{"though", W_SUB},
	{"thousands", W_NUM},
	{"three", W_NUM},
	{"through", PB},
	{"throughout", PB},
	{"to", PO},
	{"toward", PO},
	{"towards", PO},
	{"twelve", W_NUM},
	{"two", W_NUM},
	{"under", PB},
	{"unless", W_SUB},
	{"until", PB | W_SUBX},
	{"upon", PO},
	{"via", PB},
	{"was", W_BE},
	{"were", W_BE},
	{"when", W_SUB},
	{"whereas", W_SUB},
	{"which", W_REL},
	{"while", W_SUB},
	{"who", W_REL},
	{"whom", W_REL},
	{"whose", W_REL},
	{"will", W_MODAL},
	{"with", PO},
	{"within", PB},
	{"without", PB},
	{"would", W_MODAL},
};

#undef P
#undef PB
#undef PO

#define MAX_WORD 10 /* the longest word above ("throughout") */

uint32_t vigil__clause_word(const char *s, size_t len)
{
	char low[16];
	size_t i, lo = 0, hi = sizeof(words) / sizeof(words[0]);

	if (len == 0 || len > MAX_WORD)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch + 32);
		else if (ch < 'a' || ch > 'z')
			return 0;
		low[i] = (char)ch;
	}
	low[len] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = low[0] != words[mid].w[0]
				  ? (unsigned char)low[0] -
					    (unsigned char)words[mid].w[0]
				  : strcmp(low, words[mid].w);

		if (cmp == 0)
			return words[mid].cls;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

size_t vigil__clause_words_count(void)
{
	return sizeof(words) / sizeof(words[0]);
}

int vigil__clause_words_sorted(void)
{
	size_t i;

	for (i = 1; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i - 1].w, words[i].w) >= 0)
			return 0;
	return 1;
}
