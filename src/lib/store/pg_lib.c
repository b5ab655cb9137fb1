/*
 * pg_lib.c: libpq, loaded with dlopen when the first postgresql:// store
 * is opened, so that coding (which never needs it) does not pay for
 * loading and relocating libpq's dependency chain at every start. Defines
 * the libpq functions the backend calls (pg_*.c call them by their libpq
 * names) as calls through a table filled once (pthread_once) and constant
 * afterwards; assumes vigil__pg_load succeeded before any of them runs,
 * and libpq 14 or later (pipeline mode).
 *
 * SPDX-License-Identifier: MIT
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "pg_int.h"

#define VIGIL__LIBPQ "libpq.so.5"

/* The libpq functions pg_*.c use, filled by load_libpq. */
static struct {
	void (*clear)(PGresult *);
	PGconn *(*connectdb_params)(const char *const *, const char *const *,
				    int);
	void (*conninfo_free)(PQconninfoOption *);
	PQconninfoOption *(*conninfo_parse)(const char *, char **);
	char *(*error_message)(const PGconn *);
	PGresult *(*exec)(PGconn *, const char *);
	PGresult *(*exec_params)(PGconn *, const char *, int, const Oid *,
				 const char *const *, const int *, const int *,
				 int);
	PGresult *(*exec_prepared)(PGconn *, const char *, int,
				   const char *const *, const int *,
				   const int *, int);
	int (*enter_pipeline_mode)(PGconn *);
	int (*exit_pipeline_mode)(PGconn *);
	void (*finish)(PGconn *);
	void (*freemem)(void *);
	int (*getisnull)(const PGresult *, int, int);
	PGresult *(*get_result)(PGconn *);
	int (*getlength)(const PGresult *, int, int);
	char *(*getvalue)(const PGresult *, int, int);
	int (*ntuples)(const PGresult *);
	int (*pipeline_sync)(PGconn *);
	PGresult *(*prepare)(PGconn *, const char *, const char *, int,
			     const Oid *);
	char *(*result_error_field)(const PGresult *, int);
	ExecStatusType (*result_status)(const PGresult *);
	int (*send_query_params)(PGconn *, const char *, int, const Oid *,
				 const char *const *, const int *, const int *,
				 int);
	int (*send_query_prepared)(PGconn *, const char *, int,
				   const char *const *, const int *,
				   const int *, int);
	PQnoticeProcessor (*set_notice_processor)(PGconn *, PQnoticeProcessor,
						  void *);
	ConnStatusType (*status)(const PGconn *);
} pq;

static const struct {
	const char *name;
	void *slot;
} symbols[] = {
	{"PQclear", &pq.clear},
	{"PQconnectdbParams", &pq.connectdb_params},
	{"PQconninfoFree", &pq.conninfo_free},
	{"PQconninfoParse", &pq.conninfo_parse},
	{"PQerrorMessage", &pq.error_message},
	{"PQexec", &pq.exec},
	{"PQexecParams", &pq.exec_params},
	{"PQexecPrepared", &pq.exec_prepared},
	{"PQenterPipelineMode", &pq.enter_pipeline_mode},
	{"PQexitPipelineMode", &pq.exit_pipeline_mode},
	{"PQfinish", &pq.finish},
	{"PQfreemem", &pq.freemem},
	{"PQgetisnull", &pq.getisnull},
	{"PQgetResult", &pq.get_result},
	{"PQgetlength", &pq.getlength},
	{"PQgetvalue", &pq.getvalue},
	{"PQntuples", &pq.ntuples},
	{"PQpipelineSync", &pq.pipeline_sync},
	{"PQprepare", &pq.prepare},
	{"PQresultErrorField", &pq.result_error_field},
	{"PQresultStatus", &pq.result_status},
	{"PQsendQueryParams", &pq.send_query_params},
	{"PQsendQueryPrepared", &pq.send_query_prepared},
	{"PQsetNoticeProcessor", &pq.set_notice_processor},
	{"PQstatus", &pq.status},
};

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256]; /* empty when libpq loaded */

static void load_libpq(void)
{
	void *lib = dlopen(VIGIL__LIBPQ, RTLD_NOW | RTLD_LOCAL);
	size_t i;

	if (!lib) {
		snprintf(load_error, sizeof(load_error), "%s", dlerror());
		return;
	}
	for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		void *fn = dlsym(lib, symbols[i].name);

		if (!fn) {
			snprintf(load_error, sizeof(load_error),
				 "%s: no %s", VIGIL__LIBPQ, symbols[i].name);
			return;
		}
		/* POSIX: a data pointer from dlsym converts to a function */
		memcpy(symbols[i].slot, &fn, sizeof(fn));
	}
}

int vigil__pg_load(struct vigil_store *s)
{
	pthread_once(&load_once, load_libpq);
	if (load_error[0] == '\0')
		return VIGIL_OK;
	vigil__store_fail(s, "cannot load libpq: %s", load_error);
	return VIGIL_EIO;
}

void PQclear(PGresult *res)
{
	pq.clear(res);
}

PGconn *PQconnectdbParams(const char *const *keywords,
			  const char *const *values, int expand_dbname)
{
	return pq.connectdb_params(keywords, values, expand_dbname);
}

void PQconninfoFree(PQconninfoOption *opts)
{
	pq.conninfo_free(opts);
}

PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg)
{
	return pq.conninfo_parse(conninfo, errmsg);
}

char *PQerrorMessage(const PGconn *conn)
{
	return pq.error_message(conn);
}

PGresult *PQexec(PGconn *conn, const char *query)
{
	return pq.exec(conn, query);
}

PGresult *PQexecParams(PGconn *conn, const char *command, int n,
		       const Oid *types, const char *const *values,
		       const int *lengths, const int *formats, int result_format)
{
	return pq.exec_params(conn, command, n, types, values, lengths,
			      formats, result_format);
}

PGresult *PQexecPrepared(PGconn *conn, const char *name, int n,
			 const char *const *values, const int *lengths,
			 const int *formats, int result_format)
{
	return pq.exec_prepared(conn, name, n, values, lengths, formats,
				result_format);
}

int PQenterPipelineMode(PGconn *conn)
{
	return pq.enter_pipeline_mode(conn);
}

int PQexitPipelineMode(PGconn *conn)
{
	return pq.exit_pipeline_mode(conn);
}

void PQfinish(PGconn *conn)
{
	pq.finish(conn);
}

void PQfreemem(void *ptr)
{
	pq.freemem(ptr);
}

int PQgetisnull(const PGresult *res, int row, int col)
{
	return pq.getisnull(res, row, col);
}

int PQgetlength(const PGresult *res, int row, int col)
{
	return pq.getlength(res, row, col);
}

PGresult *PQgetResult(PGconn *conn)
{
	return pq.get_result(conn);
}

char *PQgetvalue(const PGresult *res, int row, int col)
{
	return pq.getvalue(res, row, col);
}

int PQntuples(const PGresult *res)
{
	return pq.ntuples(res);
}

int PQpipelineSync(PGconn *conn)
{
	return pq.pipeline_sync(conn);
}

PGresult *PQprepare(PGconn *conn, const char *name, const char *query,
		    int n, const Oid *types)
{
	return pq.prepare(conn, name, query, n, types);
}

char *PQresultErrorField(const PGresult *res, int field)
{
	return pq.result_error_field(res, field);
}

ExecStatusType PQresultStatus(const PGresult *res)
{
	return pq.result_status(res);
}

int PQsendQueryParams(PGconn *conn, const char *command, int n,
		      const Oid *types, const char *const *values,
		      const int *lengths, const int *formats, int result_format)
{
	return pq.send_query_params(conn, command, n, types, values, lengths,
				    formats, result_format);
}

int PQsendQueryPrepared(PGconn *conn, const char *name, int n,
			const char *const *values, const int *lengths,
			const int *formats, int result_format)
{
	return pq.send_query_prepared(conn, name, n, values, lengths, formats,
				      result_format);
}

PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor fn,
				       void *arg)
{
	return pq.set_notice_processor(conn, fn, arg);
}

ConnStatusType PQstatus(const PGconn *conn)
{
	return pq.status(conn);
}
