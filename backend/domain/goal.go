package domain

// MsgGoalReached is the bus message type the goal module publishes when a
// goal reaches its target (payload goal.Reached). It lives here because
// readers other than flows (history's chart markers) may not import the
// goal module.
const MsgGoalReached = "goalReached"
