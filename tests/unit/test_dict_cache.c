/*
 * test_dict_cache.c: compiled dictionaries on disk (dict_cache.c, dict.c):
 * compile then reopen from the cache, one cache per spelling of the source
 * paths, rebuild when a source changes (mtime,
 * size, a new file in a directory), corrupt or truncated caches detected
 * and rebuilt, an unwritable cache directory falling back to memory,
 * no_cache, explicit compile, and blob validation against every single-byte
 * corruption (with a recomputed checksum, so the structural checks are hit).
 *
 * SPDX-License-Identifier: MIT
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "lexicon/lexicon_int.h"
#include "testutil.h"

static char root[64];  /* a fresh temporary directory per test */

static int make_root(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/vigil-test-cache-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int remove_root(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes root/name with `text` and an mtime `age` seconds in the past. */
static const char *put(const char *name, const char *text, int age)
{
	static char path[8][256];
	static int turn;
	struct timespec ts[2];
	char *p = path[turn++ % 8];
	FILE *f;

	snprintf(p, 256, "%s/%s", root, name);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	clock_gettime(CLOCK_REALTIME, &ts[0]);
	ts[0].tv_sec -= age;
	ts[1] = ts[0];
	assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
	return p;
}

static vigil_dict *open_dict(const char *const *paths, size_t n,
			     const char *cache_dir, vigil_dict_stats *st)
{
	vigil_dict_options o = VIGIL_DICT_OPTIONS_INIT;
	vigil_dict *d = NULL;
	char err[256];

	o.cache_dir = cache_dir;
	assert_int_equal(vigil_dict_open(&d, paths, n, &o, err, sizeof(err)), VIGIL_OK);
	assert_non_null(d);
	vigil_dict_get_stats(d, st);
	return d;
}

/* Code of the first entry matching `text`, or "" when nothing matches. */
static const char *first_code(const vigil_dict *d, const char *text)
{
	static char code[64];
	vigil__token tok[64];
	vigil__arena a;
	vigil__match *m = NULL;
	size_t ntok, n = 0, cap = 0;
	vigil__entry e;

	ntok = vigil__tokenize_phrase(text, strlen(text), tok, 64);
	vigil__arena_init(&a, 0);
	assert_int_equal(vigil__match_tokens(vigil__dict_lexicon(d), text, tok, 0,
					     ntok, &a, &m, &n, &cap), 0);
	code[0] = '\0';
	if (n) {
		vigil__lexicon_entry(vigil__dict_lexicon(d), m[0].entry_first, &e);
		snprintf(code, sizeof(code), "%s", e.code);
	}
	vigil__arena_free(&a);
	return code;
}

static void test_reopen_from_cache(void **state)
{
	const char *src = put("a.vd", "[actors]\nNorth Korea = PRK\n", 100);
	char cache[128], first_path[256];
	vigil_dict_stats st;
	vigil_dict *d;
	struct stat sb;

	(void)state;
	snprintf(cache, sizeof(cache), "%s/cache/sub", root);  /* made on demand */
	d = open_dict(&src, 1, cache, &st);
	assert_int_equal(st.from_cache, 0);
	assert_non_null(st.cache_path);
	assert_int_equal(strncmp(st.cache_path, cache, strlen(cache)), 0);
	assert_int_equal(stat(st.cache_path, &sb), 0);
	assert_int_equal((size_t)sb.st_size, st.blob_bytes);
	assert_int_equal(st.entries, 1);
	assert_int_equal(st.phrases, 1);
	assert_int_equal(st.words, 2);
	snprintf(first_path, sizeof(first_path), "%s", st.cache_path);
	vigil_dict_free(d);

	d = open_dict(&src, 1, cache, &st);
	assert_int_equal(st.from_cache, 1);
	assert_string_equal(st.cache_path, first_path);
	assert_int_equal(st.entries, 1);
	assert_string_equal(first_code(d, "in North Korea"), "PRK");
	vigil_dict_free(d);
}

/*
 * Two spellings of one source (relative and absolute) get a cache each, and
 * each reopens from its own: the blob records the spelling, which --explain
 * shows, so sharing one file would make output depend on who compiled it.
 */
static void test_path_spellings(void **state)
{
	const char *abs = put("s.vd", "[actors]\nIran = IRN\n", 100);
	const char *rel = "s.vd";
	char cache[128], cwd[512], first[256];
	vigil_dict_stats st;
	vigil_dict *d;
	int pass;

	(void)state;
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(root), 0);
	snprintf(cache, sizeof(cache), "%s/cache", root);
	for (pass = 0; pass < 2; pass++) {
		d = open_dict(&abs, 1, cache, &st);
		assert_int_equal(st.from_cache, pass);
		if (pass == 0)
			snprintf(first, sizeof(first), "%s", st.cache_path);
		vigil_dict_free(d);
		d = open_dict(&rel, 1, cache, &st);
		assert_int_equal(st.from_cache, pass);
		assert_string_not_equal(st.cache_path, first);
		vigil_dict_free(d);
	}
	assert_int_equal(chdir(cwd), 0);
}

static void test_source_changes_rebuild(void **state)
{
	const char *src = put("a.vd", "[actors]\nNorth Korea = PRK\n", 100);
	vigil_dict_stats st;
	vigil_dict *d;
	struct timespec ts[2];

	(void)state;
	vigil_dict_free(open_dict(&src, 1, root, &st));
	vigil_dict_free(open_dict(&src, 1, root, &st));
	assert_int_equal(st.from_cache, 1);

	/* touched: same bytes, new mtime */
	clock_gettime(CLOCK_REALTIME, &ts[0]);
	ts[0].tv_sec -= 50;
	ts[1] = ts[0];
	assert_int_equal(utimensat(AT_FDCWD, src, ts, 0), 0);
	vigil_dict_free(open_dict(&src, 1, root, &st));
	assert_int_equal(st.from_cache, 0);
	vigil_dict_free(open_dict(&src, 1, root, &st));
	assert_int_equal(st.from_cache, 1);

	/* same size, other bytes, older mtime than before: still rebuilt */
	src = put("a.vd", "[actors]\nSouth Korea = KOR\n", 200);
	d = open_dict(&src, 1, root, &st);
	assert_int_equal(st.from_cache, 0);
	assert_string_equal(first_code(d, "South Korea"), "KOR");
	assert_string_equal(first_code(d, "North Korea"), "");
	vigil_dict_free(d);

	/* modified within a second before the build (here: dated an hour
	 * ahead, as a skewed clock would): never trusted, always rebuilt */
	src = put("a.vd", "[actors]\nSouth Korea = ROK\n", -3600);
	vigil_dict_free(open_dict(&src, 1, root, &st));
	assert_int_equal(st.from_cache, 0);
	d = open_dict(&src, 1, root, &st);
	assert_int_equal(st.from_cache, 0);
	assert_string_equal(first_code(d, "South Korea"), "ROK");
	vigil_dict_free(d);
}

static void test_directory_sources(void **state)
{
	char dir[128];
	const char *paths[1] = {dir};
	vigil_dict_stats st;
	vigil_dict *d;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/dict", root);
	assert_int_equal(mkdir(dir, 0755), 0);
	put("dict/b.vd", "[actors]\nKorea = KOR\n", 100);
	put("dict/a.vd", "[actors]\nKorea = PRK\n", 100);
	d = open_dict(paths, 1, root, &st);
	assert_int_equal(st.entries, 2);
	assert_string_equal(first_code(d, "Korea"), "PRK");  /* a.vd first */
	vigil_dict_free(d);
	vigil_dict_free(open_dict(paths, 1, root, &st));
	assert_int_equal(st.from_cache, 1);

	/* a new file in the directory is seen */
	put("dict/c.vd", "[agents]\ntroop(s) = MIL\n", 100);
	d = open_dict(paths, 1, root, &st);
	assert_int_equal(st.from_cache, 0);
	assert_int_equal(st.entries, 3);
	assert_string_equal(first_code(d, "troops"), "MIL");
	vigil_dict_free(d);

	/* a removed one too */
	snprintf(dir + strlen(dir), sizeof(dir) - strlen(dir), "/c.vd");
	assert_int_equal(unlink(dir), 0);
	dir[strlen(dir) - 5] = '\0';
	vigil_dict_free(open_dict(paths, 1, root, &st));
	assert_int_equal(st.from_cache, 0);
	assert_int_equal(st.entries, 2);
}

/* Overwrites the cache file with `len` bytes of its own content, changed. */
static void damage(const char *path, long at, int byte, off_t truncate_to)
{
	int fd = open(path, O_RDWR);
	unsigned char c = (unsigned char)byte;

	assert_true(fd >= 0);
	if (at >= 0)
		assert_int_equal(pwrite(fd, &c, 1, at), 1);
	if (truncate_to >= 0)
		assert_int_equal(ftruncate(fd, truncate_to), 0);
	close(fd);
}

static void test_corrupt_cache_rebuilt(void **state)
{
	static const struct {
		long at;      /* byte to overwrite, -1: none */
		int byte;
		off_t size;   /* truncate to, -1: keep */
	} damages[] = {
		{-1, 0, 0},        /* empty file */
		{-1, 0, 100},      /* shorter than the header */
		{-1, 0, 400},      /* truncated inside the sections */
		{0, 'X', -1},      /* magic */
		{8, 99, -1},       /* version */
		{300, 0x5a, -1},   /* a byte of the body: checksum */
		{16, 0x01, -1},    /* total size */
	};
	const char *src = put("a.vd", "[actors]\nNorth Korea | DPRK = PRK\n"
				      "[agents]\ntroop(s) = MIL\n", 100);
	char path[256];
	vigil_dict_stats st;
	vigil_dict *d;
	size_t i;

	(void)state;
	d = open_dict(&src, 1, root, &st);
	snprintf(path, sizeof(path), "%s", st.cache_path);
	vigil_dict_free(d);
	for (i = 0; i < sizeof(damages) / sizeof(damages[0]); i++) {
		damage(path, damages[i].at, damages[i].byte, damages[i].size);
		d = open_dict(&src, 1, root, &st);
		if (st.from_cache)
			print_error("damage %zu not detected\n", i);
		assert_int_equal(st.from_cache, 0);
		assert_string_equal(first_code(d, "DPRK troops"), "PRK");
		vigil_dict_free(d);
		vigil_dict_free(open_dict(&src, 1, root, &st));  /* rewritten */
		assert_int_equal(st.from_cache, 1);
	}
}

static void test_unwritable_cache_dir(void **state)
{
	const char *src = put("a.vd", "[actors]\nNorth Korea = PRK\n", 100);
	const char *file = put("plain", "not a directory\n", 100);
	char cache[256];
	vigil_dict_stats st;
	vigil_dict *d;

	(void)state;
	snprintf(cache, sizeof(cache), "%s/sub", file);  /* under a regular file */
	d = open_dict(&src, 1, cache, &st);
	assert_int_equal(st.from_cache, 0);
	assert_null(st.cache_path);
	assert_string_equal(first_code(d, "North Korea"), "PRK");
	vigil_dict_free(d);
}

static void test_no_cache_and_env(void **state)
{
	const char *src = put("a.vd", "[actors]\nNorth Korea = PRK\n", 100);
	vigil_dict_options o = VIGIL_DICT_OPTIONS_INIT;
	char envdir[128], *saved = getenv("VIGIL_CACHE_DIR");
	vigil_dict_stats st;
	vigil_dict *d = NULL;
	struct stat sb;

	(void)state;
	saved = saved ? strdup(saved) : NULL;
	snprintf(envdir, sizeof(envdir), "%s/env", root);
	assert_int_equal(setenv("VIGIL_CACHE_DIR", envdir, 1), 0);
	o.no_cache = 1;
	assert_int_equal(vigil_dict_open(&d, &src, 1, &o, NULL, 0), VIGIL_OK);
	vigil_dict_get_stats(d, &st);
	assert_int_equal(st.from_cache, 0);
	assert_null(st.cache_path);
	assert_int_not_equal(stat(envdir, &sb), 0);  /* nothing written */
	vigil_dict_free(d);

	d = open_dict(&src, 1, NULL, &st);  /* cache_dir from the environment */
	assert_int_equal(strncmp(st.cache_path, envdir, strlen(envdir)), 0);
	vigil_dict_free(d);
	if (saved)
		setenv("VIGIL_CACHE_DIR", saved, 1);
	else
		unsetenv("VIGIL_CACHE_DIR");
	free(saved);

	/* options of another version are refused */
	o.version = 99;
	assert_int_equal(vigil_dict_open(&d, &src, 1, &o, NULL, 0), VIGIL_EINPUT);
	assert_null(d);
}

static void test_explicit_compile(void **state)
{
	const char *src = put("a.vd", "[cues]\naccording to = ATTRIB\n", 100);
	char out[256], bad[256], err[256];
	vigil__lexicon lx;
	size_t len = 0;
	char *data;

	(void)state;
	snprintf(out, sizeof(out), "%s/out.vdc", root);
	assert_int_equal(vigil_dict_compile(&src, 1, out, NULL, NULL, err, sizeof(err)),
			 VIGIL_OK);
	data = tu_read_file(out, &len);
	assert_non_null(data);
	assert_int_equal(vigil__lexicon_view(&lx, data, len, NULL), 0);
	assert_int_equal(vigil__lexicon_entry_count(&lx), 1);
	free(data);

	snprintf(bad, sizeof(bad), "%s/missing/out.vdc", root);
	assert_int_equal(vigil_dict_compile(&src, 1, bad, NULL, NULL, err, sizeof(err)),
			 VIGIL_EIO);
	assert_non_null(strstr(err, "No such file or directory"));

	src = put("b.vd", "[cues]\nx = WHAT\n", 100);
	assert_int_equal(vigil_dict_compile(&src, 1, out, NULL, NULL, err, sizeof(err)),
			 VIGIL_EINPUT);
	assert_string_equal(err, "1 error in dictionary sources");
}

/*
 * Every byte of a small blob set to 0x00, 0x7f and 0xff, with the checksum
 * recomputed: the view either refuses it or is safe to match with.
 */
static void test_validation_never_trusts(void **state)
{
	static const char vd[] = "[actors]\nNorth Korea | US = PRK type=country\n"
				 "[verbs]\n+send troop(s) to = 0743 goldstein=5\n";
	static const char text[] = "US sent troops to North Korea";
	static const unsigned char values[] = {0x00, 0x7f, 0xff};
	vigil__dict_set s;
	vigil__lexicon lx;
	vigil__token tok[16];
	void *blob;
	unsigned char *copy;
	size_t size, i, v, ntok, accepted = 0;

	(void)state;
	vigil__dict_set_init(&s, NULL, NULL);
	assert_int_equal(vigil__dict_parse_mem(&s, "v.vd", vd, sizeof(vd) - 1, 0), 0);
	assert_int_equal(vigil__dict_build(&blob, &size, &s, 0), 0);
	vigil__dict_set_free(&s);
	ntok = vigil__tokenize_phrase(text, sizeof(text) - 1, tok, 16);
	copy = malloc(size);
	assert_non_null(copy);
	for (i = 0; i < size; i++) {
		for (v = 0; v < sizeof(values); v++) {
			vigil__blob_header h;
			vigil__arena a;
			vigil__match *m = NULL;
			size_t n = 0, cap = 0, k;

			memcpy(copy, blob, size);
			copy[i] = values[v];
			memcpy(&h, copy, sizeof(h));
			h.checksum = XXH3_64bits(copy + sizeof(h), size - sizeof(h));
			if (i < offsetof(vigil__blob_header, checksum) ||
			    i >= offsetof(vigil__blob_header, engine))
				memcpy(copy, &h, sizeof(h));
			if (vigil__lexicon_view(&lx, copy, size, NULL) < 0)
				continue;
			accepted++;
			vigil__arena_init(&a, 0);
			assert_int_equal(vigil__match_tokens(&lx, text, tok, 0, ntok,
							     &a, &m, &n, &cap), 0);
			for (k = 0; k < n; k++) {
				vigil__entry e;
				uint32_t j;

				for (j = 0; j < m[k].entry_count; j++)
					vigil__lexicon_entry(&lx, m[k].entry_first + j, &e);
			}
			vigil__arena_free(&a);
		}
	}
	/* some bytes (padding, strings, numbers) are harmless to change */
	assert_true(accepted > 0);
	free(copy);
	free(blob);
}

/* No sources: an empty dictionary that matches nothing; kind names. */
static void test_empty_and_kinds(void **state)
{
	vigil_dict_options o = VIGIL_DICT_OPTIONS_INIT;
	vigil_dict_stats st;
	vigil_dict *d = NULL;

	(void)state;
	o.no_cache = 1;
	assert_int_equal(vigil_dict_open(&d, NULL, 0, &o, NULL, 0), VIGIL_OK);
	vigil_dict_get_stats(d, &st);
	assert_int_equal(st.entries, 0);
	assert_int_equal(st.phrases, 0);
	assert_int_equal(st.words, 0);
	assert_int_equal(vigil__lexicon_entry_count(vigil__dict_lexicon(d)), 0);
	assert_string_equal(first_code(d, "North Korea"), "");
	vigil_dict_free(d);
	vigil_dict_free(NULL);

	assert_string_equal(vigil_kind_name(VIGIL_KIND_ACTOR), "actor");
	assert_string_equal(vigil_kind_name(VIGIL_KIND_AGENT), "agent");
	assert_string_equal(vigil_kind_name(VIGIL_KIND_VERB), "verb");
	assert_string_equal(vigil_kind_name(VIGIL_KIND_PLACE), "place");
	assert_string_equal(vigil_kind_name(VIGIL_KIND_CUE), "cue");
	assert_null(vigil_kind_name(VIGIL_KIND_COUNT_));
	assert_null(vigil_kind_name((vigil_entry_kind)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reopen_from_cache, make_root, remove_root),
		cmocka_unit_test_setup_teardown(test_path_spellings, make_root, remove_root),
		cmocka_unit_test_setup_teardown(test_source_changes_rebuild, make_root, remove_root),
		cmocka_unit_test_setup_teardown(test_directory_sources, make_root, remove_root),
		cmocka_unit_test_setup_teardown(test_corrupt_cache_rebuilt, make_root, remove_root),
		cmocka_unit_test_setup_teardown(test_unwritable_cache_dir, make_root, remove_root),
		cmocka_unit_test_setup_teardown(test_no_cache_and_env, make_root, remove_root),
		cmocka_unit_test_setup_teardown(test_explicit_compile, make_root, remove_root),
		cmocka_unit_test(test_validation_never_trusts),
		cmocka_unit_test(test_empty_and_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
