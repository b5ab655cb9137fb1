# vigil: build, test, fuzz and benchmark. `make` builds build/vigil; `make test`
# runs every test and ends with a line "N passed, M failed"; `make SAN=1 test`
# does the same under AddressSanitizer + UndefinedBehaviorSanitizer (in
# build-san/); `make fuzz` builds the libFuzzer targets with clang.

CC      ?= cc
SAN     ?= 0
PREFIX  ?= /usr/local
PKGS    := libutf8proc jansson libxml-2.0 libxxhash sqlite3
# libpq: headers only; src/lib/store/pg_lib.c loads it with dlopen
PQ_CFLAGS := $(shell pkg-config --cflags libpq)

ifeq ($(SAN),1)
BUILD   := build-san
SANFLAGS:= -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT     := -O1
else
BUILD   := build
SANFLAGS:=
OPT     := -O3
endif

DATA_DIR := $(CURDIR)/data/dict
CPPFLAGS += -Iinclude -Isrc/lib -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -DVIGIL_DATA_DIR='"$(DATA_DIR)"' $(shell pkg-config --cflags $(PKGS)) $(PQ_CFLAGS)
CFLAGS   += -std=c11 $(OPT) -g -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wno-missing-field-initializers $(SANFLAGS) -MMD -MP
LDFLAGS  += $(SANFLAGS)
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lpthread -ldl -lm

LIB_SRC  := $(sort $(wildcard src/lib/*/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
GENERATED:= data/dict/countries.vd data/dict/gazetteer.vd src/lib/lexicon/irregular_verbs.inc

.PHONY: all deps demo test check fuzz bench bench-store bench-store-pg clean install
all: $(BUILD)/vigil $(GENERATED)

deps:
	sh scripts/install-deps.sh

# The README's first command: install, build, code the bundled sample corpus.
demo: deps
	$(MAKE) all
	sh scripts/demo.sh $(BUILD)/vigil

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libvigil.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/vigil: $(CLI_OBJ) $(BUILD)/libvigil.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

data/dict/countries.vd: tools/gen_countries.py /usr/share/iso-codes/json/iso_3166-1.json
	python3 tools/gen_countries.py /usr/share/iso-codes/json/iso_3166-1.json > $@.tmp
	mv $@.tmp $@

# The gazetteer: ISO 3166-2 subdivisions and GeoNames cities (libgeonames0).
GEONAMES_SO := $(firstword $(wildcard /usr/lib/*/libgeonames.so.0 /usr/lib/libgeonames.so.0))
data/dict/gazetteer.vd: tools/gen_gazetteer.py /usr/share/iso-codes/json/iso_3166-2.json \
		data/dict/places.vd data/dict/countries.vd data/dict/country_aliases.vd \
		data/dict/people.vd data/geonames_states.tsv $(GEONAMES_SO)
	python3 tools/gen_gazetteer.py --people data/dict/people.vd \
		--states data/geonames_states.tsv \
		/usr/share/iso-codes/json/iso_3166-2.json \
		/usr/share/iso-codes/json/iso_3166-1.json data/dict/places.vd \
		data/dict/countries.vd data/dict/country_aliases.vd > $@.tmp
	mv $@.tmp $@

src/lib/lexicon/irregular_verbs.inc: tools/gen_irregular.py /usr/share/wordnet/verb.exc
	python3 tools/gen_irregular.py /usr/share/wordnet/verb.exc > $@.tmp
	mv $@.tmp $@
$(BUILD)/src/lib/lexicon/inflect.o: src/lib/lexicon/irregular_verbs.inc

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/tests/unit/testutil.o $(BUILD)/libvigil.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

# The README's second command: every test, closing with "N passed, M failed".
# Each fuzz target linked with a plain main() that replays its corpus.
REPLAY_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/replay_%)
$(BUILD)/tests/replay_%: tests/fuzz/%.c tests/fuzz/standalone.c $(BUILD)/libvigil.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

test: deps
	$(MAKE) all $(TEST_BIN) $(REPLAY_BIN)
	BUILD=$(BUILD) sh tests/run.sh

check: all
	clang-format --dry-run --Werror $(LIB_SRC) $(CLI_SRC) include/vigil/*.h

FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_LIB := $(LIB_SRC:%.c=build-fuzz/%.o)
build-fuzz/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -std=c11 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@
build-fuzz/src/lib/lexicon/inflect.o: src/lib/lexicon/irregular_verbs.inc
build-fuzz/%: tests/fuzz/%.c $(FUZZ_LIB)
	clang $(CPPFLAGS) -std=c11 -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $^ $(LDLIBS)
fuzz: $(FUZZ_BIN)
# The objects are inputs of every target, not intermediates to delete.
.SECONDARY: $(FUZZ_LIB)

$(BUILD)/bench_stages: bench/bench_stages.c $(BUILD)/libvigil.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

bench: all $(BUILD)/bench_stages $(BUILD)/bench_store
	sh bench/run.sh

# The store: ingest throughput and query latency on a million events.
$(BUILD)/bench_store: bench/bench_store.c $(BUILD)/libvigil.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Documents dated at random (the worst case), then in date order.
bench-store: $(BUILD)/bench_store
	$(BUILD)/bench_store $(BUILD)/bench-store.db 1000000 5000 random
	$(BUILD)/bench_store $(BUILD)/bench-store.db 1000000 5000 dated

# The same on a throwaway PostgreSQL server (BENCH_PG_EVENTS events).
BENCH_PG_EVENTS ?= 200000
bench-store-pg: $(BUILD)/bench_store
	sh bench/bench_store_pg.sh $(BUILD)/bench_store $(BENCH_PG_EVENTS)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/vigil/dict
	install -m 755 $(BUILD)/vigil $(DESTDIR)$(PREFIX)/bin/vigil
	install -m 644 data/dict/*.vd $(DESTDIR)$(PREFIX)/share/vigil/dict/

clean:
	rm -rf build build-san build-fuzz $(GENERATED)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
