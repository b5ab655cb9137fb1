/*
 * dict_cache.c: where compiled dictionaries live on disk and how they come
 * back: source expansion (directories -> *.vd in name order) and their
 * fingerprint (path, size, mtime), the cache path, the atomic write (temp
 * file + rename), and the mmap load with full validation of the blob, so a
 * stale, truncated or corrupt cache is only ever a reason to rebuild.
 *
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dict_petr.h"

/* A source modified this close before the blob was built may have changed
 * again within the same timestamp tick: such a cache is rebuilt once. */
#define RACY_NS 1000000000ll

int64_t vigil__now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return 0;
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/*===== Source expansion =============================================*/

static void report(vigil_diag_fn diag, void *ctx, size_t *nerrors,
		   const char *file, const char *msg)
{
	(*nerrors)++;
	if (diag)
		diag(ctx, file, 0, -1, msg);
}

static int add_source(vigil__src_list *l, size_t *cap, const char *path,
		      const struct stat *st)
{
	vigil__dict_source *v;
	char *copy;

	if (l->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;

		v = realloc(l->v, ncap * sizeof(*v));
		if (!v)
			return VIGIL_ENOMEM;
		l->v = v;
		*cap = ncap;
	}
	copy = strdup(path);
	if (!copy)
		return VIGIL_ENOMEM;
	l->v[l->n].path = copy;
	l->v[l->n].size = (uint64_t)st->st_size;
	l->v[l->n].mtime_ns = mtime_ns(st);
	l->n++;
	return VIGIL_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_vd_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 3 && strcmp(name + n - 3, ".vd") == 0;
}

/* Adds the *.vd files of directory `dir` in name order. */
static int expand_dir(vigil__src_list *l, size_t *cap, const char *dir,
		      vigil_diag_fn diag, void *ctx, size_t *nerrors)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, *path = NULL, msg[256];
	size_t n = 0, ncap = 0, i;
	int rc = VIGIL_OK;

	if (!d) {
		snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
		report(diag, ctx, nerrors, dir, msg);
		return VIGIL_OK;
	}
	while ((de = readdir(d)) != NULL) {
		if (!is_vd_name(de->d_name) && !vigil__petr_name(de->d_name))
			continue;
		if (n == ncap) {
			char **nn = realloc(names, (ncap ? ncap * 2 : 16) * sizeof(*nn));

			if (!nn) {
				rc = VIGIL_ENOMEM;
				goto done;
			}
			names = nn;
			ncap = ncap ? ncap * 2 : 16;
		}
		names[n] = strdup(de->d_name);
		if (!names[n]) {
			rc = VIGIL_ENOMEM;
			goto done;
		}
		n++;
	}
	if (n == 0)
		report(diag, ctx, nerrors, dir,
		       "no .vd or TABARI/PETRARCH dictionary files in directory");
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n && rc == VIGIL_OK; i++) {
		struct stat st;
		size_t len = strlen(dir) + strlen(names[i]) + 2;

		free(path);
		path = malloc(len);
		if (!path) {
			rc = VIGIL_ENOMEM;
			break;
		}
		snprintf(path, len, "%s%s%s", dir,
			 dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		if (stat(path, &st) < 0) {
			snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
			report(diag, ctx, nerrors, path, msg);
		} else if (!S_ISREG(st.st_mode)) {
			report(diag, ctx, nerrors, path, "not a regular file");
		} else {
			rc = add_source(l, cap, path, &st);
		}
	}
done:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(path);
	closedir(d);
	return rc;
}

int vigil__src_expand(vigil__src_list *out, const char *const *paths,
		      size_t npaths, vigil_diag_fn diag, void *ctx,
		      size_t *nerrors)
{
	size_t cap = 0, i;
	char msg[256];
	int rc = VIGIL_OK;

	out->v = NULL;
	out->n = 0;
	for (i = 0; i < npaths && rc == VIGIL_OK; i++) {
		struct stat st;

		if (!paths[i] || !paths[i][0]) {
			report(diag, ctx, nerrors, "", "empty path");
		} else if (stat(paths[i], &st) < 0) {
			snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
			report(diag, ctx, nerrors, paths[i], msg);
		} else if (S_ISDIR(st.st_mode)) {
			rc = expand_dir(out, &cap, paths[i], diag, ctx, nerrors);
		} else if (S_ISREG(st.st_mode)) {
			rc = add_source(out, &cap, paths[i], &st);
		} else {
			report(diag, ctx, nerrors, paths[i],
			       "not a regular file or directory");
		}
	}
	if (rc != VIGIL_OK)
		vigil__src_list_free(out);
	return rc;
}

void vigil__src_list_free(vigil__src_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free((char *)l->v[i].path);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/*===== Cache path ===================================================*/

/* mkdir -p with mode 0700; returns 0 when `dir` exists as a directory. */
static int make_dirs(char *dir)
{
	struct stat st;
	char *p;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return -1;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *r = malloc(n);

	if (r)
		snprintf(r, n, "%s%s", a, b);
	return r;
}

/* The cache directory from the option or the environment (malloc'd). */
static char *cache_dir_for(const char *opt)
{
	const char *env;

	if (opt && *opt)
		return strdup(opt);
	env = getenv("VIGIL_CACHE_DIR");
	if (env && *env)
		return strdup(env);
	env = getenv("XDG_CACHE_HOME");
	if (env && env[0] == '/')  /* the XDG spec ignores relative paths */
		return join(env, "/vigil");
	env = getenv("HOME");
	if (env && *env)
		return join(env, "/.cache/vigil");
	return NULL;
}

char *vigil__cache_path(const char *cache_dir, const char *const *paths,
			size_t npaths)
{
	XXH3_state_t st;
	char *dir = cache_dir_for(cache_dir), *path = NULL;
	char real[PATH_MAX];
	size_t i, n;

	if (!dir || make_dirs(dir) < 0)
		goto done;
	XXH3_64bits_reset(&st);
	/*
	 * The key covers each path as given and as resolved: the blob records
	 * the given spelling (--explain shows it), so "data/dict" and its
	 * absolute form must not share, and overwrite, one cache file.
	 */
	for (i = 0; i < npaths; i++) {
		const char *p = paths[i] ? paths[i] : "";

		XXH3_64bits_update(&st, p, strlen(p) + 1);
		if (realpath(p, real))
			XXH3_64bits_update(&st, real, strlen(real) + 1);
	}
	n = strlen(dir) + 32;
	path = malloc(n);
	if (path)
		snprintf(path, n, "%s/dict-%016llx.vdc", dir,
			 (unsigned long long)XXH3_64bits_digest(&st));
done:
	free(dir);
	return path;
}

/*===== Atomic write =================================================*/

int vigil__blob_write(const char *path, const void *blob, size_t size,
		      char *errbuf, size_t errlen)
{
	size_t n = strlen(path) + 16, done = 0;
	char *tmp = malloc(n);
	int fd = -1, err = 0;

	if (!tmp) {
		if (errbuf && errlen)
			snprintf(errbuf, errlen, "out of memory");
		return VIGIL_ENOMEM;
	}
	snprintf(tmp, n, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = errno;
		goto done;
	}
	while (done < size && !err) {
		ssize_t w = write(fd, (const char *)blob + done, size - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			err = w < 0 ? errno : EIO;
		else
			done += (size_t)w;
	}
	if (!err && fchmod(fd, 0644) < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	if (!err && rename(tmp, path) < 0)
		err = errno;
	if (err)
		unlink(tmp);
done:
	if (err && errbuf && errlen)
		snprintf(errbuf, errlen, "cannot write '%s': %s", path,
			 strerror(err));
	free(tmp);
	return err ? VIGIL_EIO : VIGIL_OK;
}

/*===== Blob validation ==============================================*/

static int section_ok(uint64_t off, uint64_t count, uint64_t elem,
		      uint64_t size)
{
	return off % 8 == 0 && off >= sizeof(vigil__blob_header) &&
	       off <= size && count * elem <= size - off;
}

static int is_pow2(uint32_t n)
{
	return n && !(n & (n - 1));
}

#define FAIL(reason) do { *why = (reason); return -1; } while (0)

static int check_header(const vigil__blob_header *h, const void *p,
			size_t size, const char **why)
{
	if (size < sizeof(*h) || ((uintptr_t)p & 7))
		FAIL("truncated or misaligned");
	if (memcmp(h->magic, VIGIL__BLOB_MAGIC, 8) != 0)
		FAIL("not a compiled vigil dictionary");
	if (h->version != VIGIL__BLOB_VERSION)
		FAIL("other format version");
	if (h->endian != VIGIL__BLOB_ENDIAN)
		FAIL("other byte order");
	if (h->total_size != size)
		FAIL("truncated");
	if (!is_pow2(h->vocab_cap) || !is_pow2(h->edge_cap) || h->n_nodes == 0 ||
	    h->n_nodes == UINT32_MAX || h->pool_size == 0 ||
	    h->pool_size > UINT32_MAX || h->kinds >> VIGIL_KIND_COUNT_)
		FAIL("bad counts");
	if (!section_ok(h->sources_off, h->n_sources, sizeof(vigil__blob_source), size) ||
	    !section_ok(h->pool_off, h->pool_size, 1, size) ||
	    !section_ok(h->vocab_off, h->vocab_cap, sizeof(vigil__blob_word), size) ||
	    !section_ok(h->edges_off, h->edge_cap, sizeof(vigil__blob_edge), size) ||
	    !section_ok(h->nodes_off, (uint64_t)h->n_nodes + 1, 4, size) ||
	    !section_ok(h->flags_off, h->n_nodes, 1, size) ||
	    !section_ok(h->kinds_off, h->n_nodes, 1, size) ||
	    !section_ok(h->slots_off, h->n_slots, 4, size) ||
	    !section_ok(h->keys_off, h->n_slots, 2, size) ||
	    !section_ok(h->entries_off, h->n_entries, sizeof(vigil__blob_entry), size))
		FAIL("section out of bounds");
	if (XXH3_64bits((const char *)p + sizeof(*h), size - sizeof(*h)) != h->checksum)
		FAIL("checksum mismatch");
	return 0;
}

static int check_tables(const vigil__lexicon *lx, const char **why)
{
	const vigil__blob_header *h = lx->hdr;
	uint64_t ps = h->pool_size;
	uint32_t used = 0, i;

	if (lx->pool[0] || lx->pool[ps - 1])
		FAIL("bad string pool");
	for (i = 0; i < h->n_sources; i++)
		if (lx->sources[i].path >= ps)
			FAIL("bad source");
	for (i = 0; i < h->vocab_cap; i++) {
		const vigil__blob_word *w = &lx->vocab[i];

		if (!w->len)
			continue;
		used++;
		if ((uint64_t)w->str + w->len >= ps || w->root >= h->n_nodes ||
		    w->cs > 1 || w->len > VIGIL__DICT_MAX_WORD)
			FAIL("bad vocabulary slot");
	}
	if (used != h->n_words || used >= h->vocab_cap)
		FAIL("bad vocabulary count");
	for (used = 0, i = 0; i < h->edge_cap; i++) {
		const vigil__blob_edge *e = &lx->edges[i];

		if (!e->child)
			continue;
		used++;
		if (e->child >= h->n_nodes || e->node == 0 || e->node >= h->n_nodes ||
		    e->word >= h->vocab_cap || !lx->vocab[e->word].len)
			FAIL("bad edge");
	}
	if (used != h->n_edges || used >= h->edge_cap)
		FAIL("bad edge count");
	if (lx->nodes[0] != 0 || lx->nodes[h->n_nodes] != h->n_slots)
		FAIL("bad node ranges");
	for (i = 0; i < h->n_nodes; i++)
		if (lx->nodes[i + 1] < lx->nodes[i] ||
		    !(lx->flags[i] & VIGIL__NODE_ENTRIES) !=
			    (lx->nodes[i + 1] == lx->nodes[i]) ||
		    !lx->kinds[i] != (lx->nodes[i + 1] == lx->nodes[i]) ||
		    (lx->kinds[i] & ~h->kinds))
			FAIL("bad node ranges");
	for (i = 0; i < h->n_slots; i++)
		if (lx->slots[i] >= h->n_entries)
			FAIL("bad slot");
	for (i = 0; i < h->n_entries; i++) {
		const vigil__blob_entry *e = &lx->entries[i];
		const uint32_t strs[] = {e->code, e->phrase, e->file, e->country,
			e->sector, e->type, e->role, e->context, e->plover, e->mode,
			e->pos, e->pattern};
		size_t k;

		if (e->kind >= VIGIL_KIND_COUNT_ || e->quad < 0 || e->quad > 4 ||
		    !e->code || !e->phrase || !e->file)  /* never NULL to readers */
			FAIL("bad entry");
		for (k = 0; k < sizeof(strs) / sizeof(strs[0]); k++)
			if (strs[k] >= ps)
				FAIL("bad entry string");
	}
	return 0;
}

int vigil__lexicon_view(vigil__lexicon *lx, const void *p, size_t size,
			const char **why)
{
	const unsigned char *b = p;
	const vigil__blob_header *h = p;
	const char *dummy;

	if (!why)
		why = &dummy;
	memset(lx, 0, sizeof(*lx));
	if (check_header(h, p, size, why) < 0)
		return -1;
	lx->hdr = h;
	lx->sources = (const vigil__blob_source *)(b + h->sources_off);
	lx->pool = (const char *)(b + h->pool_off);
	lx->vocab = (const vigil__blob_word *)(b + h->vocab_off);
	lx->edges = (const vigil__blob_edge *)(b + h->edges_off);
	lx->nodes = (const uint32_t *)(b + h->nodes_off);
	lx->flags = b + h->flags_off;
	lx->kinds = b + h->kinds_off;
	lx->slots = (const uint32_t *)(b + h->slots_off);
	lx->keys = (const uint16_t *)(b + h->keys_off);
	lx->entries = (const vigil__blob_entry *)(b + h->entries_off);
	lx->vocab_mask = h->vocab_cap - 1;
	lx->edge_mask = h->edge_cap - 1;
	if (check_tables(lx, why) < 0) {
		memset(lx, 0, sizeof(*lx));
		return -1;
	}
	return 0;
}

/*===== Cache load ===================================================*/

/* Whether the blob was built by this engine from exactly `src`. */
static int fresh(const vigil__lexicon *lx, const vigil__src_list *src)
{
	const vigil__blob_header *h = lx->hdr;
	size_t i;

	if (h->engine != vigil__lexicon_engine() || h->n_sources != src->n)
		return 0;
	for (i = 0; i < src->n; i++) {
		const vigil__blob_source *b = &lx->sources[i];

		if (strcmp(lx->pool + b->path, src->v[i].path) != 0 ||
		    b->size != src->v[i].size || b->mtime_ns != src->v[i].mtime_ns ||
		    b->mtime_ns > h->built_ns - RACY_NS)
			return 0;
	}
	return 1;
}

int vigil__cache_load(vigil__mapped *m, vigil__lexicon *lx, const char *path,
		      const vigil__src_list *src)
{
	struct stat st;
	void *addr;
	int fd;

	m->addr = NULL;
	m->size = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < (off_t)sizeof(vigil__blob_header) ||
	    (uint64_t)st.st_size > SIZE_MAX) {
		close(fd);
		return -1;
	}
	addr = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (addr == MAP_FAILED)
		return -1;
	if (vigil__lexicon_view(lx, addr, (size_t)st.st_size, NULL) < 0 ||
	    !fresh(lx, src)) {
		munmap(addr, (size_t)st.st_size);
		memset(lx, 0, sizeof(*lx));
		return -1;
	}
	m->addr = addr;
	m->size = (size_t)st.st_size;
	return 0;
}

void vigil__cache_unmap(vigil__mapped *m)
{
	if (m && m->addr)
		munmap(m->addr, m->size);
	if (m) {
		m->addr = NULL;
		m->size = 0;
	}
}
