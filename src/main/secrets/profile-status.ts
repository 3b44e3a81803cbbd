import type { ProfileStatus } from '../../shared/ipc/channels/secrets.ts';
import { keyLast4, type ProfileName } from './profile-schema.ts';
import type { LoadedProfile } from './secret-store.ts';

/** The renderer's view of a profile: state, last four characters, rights; never a secret. */
export function profileStatus(profile: ProfileName, loaded: LoadedProfile): ProfileStatus {
  if (loaded.state === 'absent') {
    return { profile, state: 'absent', keyLast4: '', permissions: [], ipWhitelist: [], warnings: [] };
  }
  const { credentials, verification } = loaded.stored;
  return {
    profile,
    state: verification === undefined ? 'present' : 'verified',
    keyLast4: keyLast4(credentials.apiKey),
    keyVersion: credentials.keyVersion,
    permissions: verification?.permissions ?? [],
    ipWhitelist: verification?.ipWhitelist ?? [],
    warnings: verification?.warnings ?? [],
    ...(verification === undefined ? {} : { verifiedAt: verification.verifiedAt }),
  };
}
