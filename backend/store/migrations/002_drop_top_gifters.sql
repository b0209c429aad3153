-- The all-time top gifters are the "gifters"/"all" board of the scores
-- table (kept by the leaderboard module); the separate top_gifters table of
-- the original app was never written and is retired.
DROP TABLE IF EXISTS top_gifters;
