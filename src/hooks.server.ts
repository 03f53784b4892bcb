import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { getStore } from '$lib/server/store';
import { bootstrap } from '$lib/server/bootstrap';
import { authHandle } from '$lib/server/auth/handle';
import { securityHeaders } from '$lib/server/http/headers';

export const init: ServerInit = async () => {
	if (building) return;
	await bootstrap(getStore());
};

export const handle: Handle = sequence(authHandle, securityHeaders);
