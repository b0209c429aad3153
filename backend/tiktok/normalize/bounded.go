package normalize

// boundedMap remembers the most recent capacity keys (FIFO eviction). It
// backs the message-id de-duplication set, the ended-streak guard and the
// recent-subscriber guard, so memory stays fixed however long a stream
// runs. Its storage grows with use, so an idle Normalizer is small.
type boundedMap[K comparable, V any] struct {
	m        map[K]V
	ring     []K
	next     int // next slot to overwrite once the ring is full
	capacity int
}

func newBoundedMap[K comparable, V any](capacity int) *boundedMap[K, V] {
	return &boundedMap[K, V]{m: make(map[K]V), capacity: max(capacity, 1)}
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
	b.m[k] = v
	if len(b.ring) < b.capacity {
		b.ring = append(b.ring, k)
		return
	}
	delete(b.m, b.ring[b.next])
	b.ring[b.next] = k
	b.next = (b.next + 1) % b.capacity
}

// add inserts k and reports whether it was new.
func (b *boundedMap[K, V]) add(k K, v V) bool {
	if _, ok := b.m[k]; ok {
		return false
	}
	b.put(k, v)
	return true
}
