/*
 * testutil.c: helpers shared by the unit tests (see testutil.h).
 *
 * SPDX-License-Identifier: MIT
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *tu_shared_dir(void)
{
	static const char *const candidates[] = {"../shared", "../../shared"};
	const char *env = getenv("SHARED");
	struct stat st;
	size_t i;

	if (env && *env && stat(env, &st) == 0 && S_ISDIR(st.st_mode))
		return env;
	for (i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++)
		if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
			return candidates[i];
	return NULL;
}

const char *tu_seed_path(void)
{
	static char path[512];
	const char *dir = tu_shared_dir();
	struct stat st;

	if (!dir)
		return NULL;
	snprintf(path, sizeof(path), "%s/seed/000_9bb96f86e2a42407.txt", dir);
	return stat(path, &st) == 0 ? path : NULL;
}

char *tu_read_file(const char *path, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
			buf[n] = '\0';
			if (len_out)
				*len_out = (size_t)n;
		} else {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

const char *tu_write_temp(const char *suffix, const char *data, size_t len)
{
	static char path[256];
	int fd;

	snprintf(path, sizeof(path), "/tmp/vigil-test-XXXXXX%s", suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	if (fd < 0)
		return NULL;
	if (write(fd, data, len) != (ssize_t)len) {
		close(fd);
		return NULL;
	}
	close(fd);
	return path;
}
