package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// --- plugin key-value storage (the plugin host's KV, namespaced by plugin id) ---

// PluginKVGet returns a plugin's value for key and whether it exists.
func (db *DB) PluginKVGet(plugin, key string) ([]byte, bool, error) {
	var v string
	err := db.sql.QueryRow(`SELECT value FROM plugin_kv WHERE plugin = ? AND key = ?`, plugin, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, classify(db.path, err)
	}
	return []byte(v), true, nil
}

// PluginKVPut creates or replaces a plugin's value (JSON) for key.
func (db *DB) PluginKVPut(plugin, key string, value []byte) error {
	if err := requireID("plugin", plugin); err != nil {
		return err
	}
	if err := requireID("plugin key", key); err != nil {
		return err
	}
	if err := requireJSON(fmt.Sprintf("plugin %s value %q", plugin, key), value); err != nil {
		return err
	}
	_, err := db.exec(`INSERT INTO plugin_kv (plugin, key, value, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (plugin, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		plugin, key, string(value), nowMS())
	return err
}

// PluginKVDelete removes a plugin's key; a missing key is not an error.
func (db *DB) PluginKVDelete(plugin, key string) error {
	_, err := db.exec(`DELETE FROM plugin_kv WHERE plugin = ? AND key = ?`, plugin, key)
	return err
}

// PluginKVKeys lists a plugin's keys in order.
func (db *DB) PluginKVKeys(plugin string) ([]string, error) {
	rows, err := db.sql.Query(`SELECT key FROM plugin_kv WHERE plugin = ? ORDER BY key`, plugin)
	if err != nil {
		return nil, classify(db.path, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
