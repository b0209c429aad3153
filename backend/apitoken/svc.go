package apitoken

import "context"

// Service is the API-token capability as both transports reach it: the
// REST handlers (routes.go, the desktop's own token only) and the desktop's
// bindings call these methods (core/service gathers it as
// Services.APITokens).
type Service struct{ s *Store }

// Service answers the store's service.
func (s *Store) Service() *Service { return &Service{s} }

// CreateRequest names a new token and what it may do.
type CreateRequest struct {
	Name  string `json:"name"`
	Scope Scope  `json:"scope"`
}

// RevokeRequest names the token to revoke.
type RevokeRequest struct {
	ID string `json:"id"`
}

// Revoked is the (empty) answer of Revoke.
type Revoked struct{}

// Created is a token just made: the secret appears only here.
type Created struct {
	Info
	Token string `json:"token"`
}

// List answers the tokens (never their secrets).
func (v *Service) List(context.Context) ([]Info, error) { return v.s.List(), nil }

// Create makes a token; its secret is in the answer and nowhere else.
func (v *Service) Create(_ context.Context, req CreateRequest) (Created, error) {
	info, secret, err := v.s.Create(req.Name, req.Scope)
	if err != nil {
		return Created{}, err
	}
	return Created{Info: info, Token: secret}, nil
}

// Revoke revokes a token; it is refused from the next request on.
func (v *Service) Revoke(_ context.Context, req RevokeRequest) (Revoked, error) {
	return Revoked{}, v.s.Revoke(req.ID)
}
