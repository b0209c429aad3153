package main

import (
	"context"

	"github.com/ltth/ltth/backend/apitoken"
	"github.com/ltth/ltth/backend/core/service"
)

// APITokensService is apitoken.Service bound to the window (the desktop's
// own window may manage tokens, as its token may over REST).
type APITokensService struct{ app *App }

// List answers the tokens; see apitoken.Service.List.
func (s *APITokensService) List() ([]apitoken.Info, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) ([]apitoken.Info, error) {
		return v.APITokens.List(ctx)
	})
}

// Create makes a token; see apitoken.Service.Create.
func (s *APITokensService) Create(req apitoken.CreateRequest) (apitoken.Created, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (apitoken.Created, error) {
		return v.APITokens.Create(ctx, req)
	})
}

// Revoke revokes a token; see apitoken.Service.Revoke.
func (s *APITokensService) Revoke(req apitoken.RevokeRequest) (apitoken.Revoked, error) {
	return call(s.app, func(v *service.Services, ctx context.Context) (apitoken.Revoked, error) {
		return v.APITokens.Revoke(ctx, req)
	})
}
