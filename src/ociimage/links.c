/* The first stored name of each hard-linked inode, so later names become
 * hard link entries instead of second copies of the data.  An open
 * addressing hash table, grown to stay at most half full. */
#include <stdlib.h>
#include <string.h>

#include "ociimage.h"

struct link_slot {
	dev_t dev;
	ino_t ino;
	char *name; /* NULL: the slot is free */
};

static size_t slot_of(const struct links *l, dev_t dev, ino_t ino)
{
	uint64_t h = (uint64_t)ino * 0x9e3779b97f4a7c15ULL ^ (uint64_t)dev;
	size_t i = (size_t)(h >> 17) & (l->cap - 1);

	while (l->slot[i].name && (l->slot[i].dev != dev || l->slot[i].ino != ino))
		i = (i + 1) & (l->cap - 1);
	return i;
}

static int grow(struct links *l)
{
	struct links bigger = { NULL, l->cap ? l->cap * 2 : 64, l->used };
	size_t i;

	bigger.slot = calloc(bigger.cap, sizeof *bigger.slot);
	if (!bigger.slot)
		return -1;
	for (i = 0; i < l->cap; i++)
		if (l->slot[i].name)
			bigger.slot[slot_of(&bigger, l->slot[i].dev, l->slot[i].ino)] = l->slot[i];
	free(l->slot);
	*l = bigger;
	return 0;
}

/* Sets *first to the name the inode was stored under before, or to NULL
 * after recording name as its first.  -1 when out of memory. */
int links_find_or_add(struct links *l, dev_t dev, ino_t ino, const char *name,
                      const char **first)
{
	size_t i;

	*first = NULL;
	if (2 * (l->used + 1) > l->cap && grow(l))
		return -1;
	i = slot_of(l, dev, ino);
	if (l->slot[i].name) {
		*first = l->slot[i].name;
		return 0;
	}
	l->slot[i].name = strdup(name);
	if (!l->slot[i].name)
		return -1;
	l->slot[i].dev = dev;
	l->slot[i].ino = ino;
	l->used++;
	return 0;
}

void links_free(struct links *l)
{
	size_t i;

	for (i = 0; i < l->cap; i++)
		free(l->slot[i].name);
	free(l->slot);
	l->slot = NULL;
	l->cap = l->used = 0;
}
