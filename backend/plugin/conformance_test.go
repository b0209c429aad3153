package plugin_test

import (
	"testing"

	"github.com/ltth/ltth/backend/plugin/plugintest"
	"github.com/ltth/ltth/backend/plugin/plugintest/sample"
)

// The sample plugin passes the conformance test every built-in plugin
// must pass (plugins/all runs it over them).
func TestSamplePassesConformance(t *testing.T) {
	plugintest.Conformance(t, sample.New("sample", sample.Behaviour{}))
}
