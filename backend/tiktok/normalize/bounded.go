package normalize

// boundedMap remembers the most recent cap keys (FIFO eviction). It backs
// the message-id de-duplication set, the ended-streak guard and the recent
// subscriber guard, so memory stays fixed however long a stream runs.
type boundedMap[K comparable, V any] struct {
	m    map[K]V
	ring []K
	next int
	full bool
}

func newBoundedMap[K comparable, V any](capacity int) *boundedMap[K, V] {
	if capacity < 1 {
		capacity = 1
	}
	return &boundedMap[K, V]{m: make(map[K]V, min(capacity, 4096)), ring: make([]K, capacity)}
}

func (b *boundedMap[K, V]) get(k K) (V, bool) {
	v, ok := b.m[k]
	return v, ok
}

// put inserts or updates k. A new key evicts the oldest one when full.
func (b *boundedMap[K, V]) put(k K, v V) {
	if _, ok := b.m[k]; ok {
		b.m[k] = v
		return
	}
	if b.full {
		delete(b.m, b.ring[b.next])
	}
	b.ring[b.next] = k
	b.m[k] = v
	b.next++
	if b.next == len(b.ring) {
		b.next = 0
		b.full = true
	}
}

// add inserts k and reports whether it was new.
func (b *boundedMap[K, V]) add(k K, v V) bool {
	if _, ok := b.m[k]; ok {
		return false
	}
	b.put(k, v)
	return true
}

func (b *boundedMap[K, V]) len() int { return len(b.m) }
