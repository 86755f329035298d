/**
 * Wires the programme: reading it (ProgrammeService), the demo forum on an
 * empty database, editing editions, days, sessions, items, speakers (with
 * their photo store), cities and channels, and importing a schedule.
 */
import { join } from 'node:path';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { channelEditRepository } from '../db/channelEditRepository.js';
import { cityEditRepository } from '../db/cityEditRepository.js';
import { DayEditRepository } from '../db/dayEditRepository.js';
import { EditionEditRepository } from '../db/editionEditRepository.js';
import { ProgrammeImportRepository } from '../db/programmeImportRepository.js';
import { ProgrammeItemEditRepository } from '../db/programmeItemEditRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import { SessionEditRepository } from '../db/sessionEditRepository.js';
import { SpeakerEditRepository } from '../db/speakerEditRepository.js';
import { processSpeakerPhoto } from '../media/speakerPhoto.js';
import { DayEditing } from '../services/dayEditing.js';
import { loadDemoIfEmpty } from '../services/demoService.js';
import { EditionEditing } from '../services/editionEditing.js';
import { PlaceEditing } from '../services/placeEditing.js';
import { channelRules, cityRules } from '../services/places.js';
import { ProgrammeImport } from '../services/programmeImport.js';
import { ProgrammeItemEditing } from '../services/programmeItemEditing.js';
import { ProgrammeService } from '../services/programmeService.js';
import { SessionEditing } from '../services/sessionEditing.js';
import { SpeakerEditing } from '../services/speakerEditing.js';
import { FilePhotoStore, MemoryPhotoStore, type PhotoStore } from '../storage/photoStore.js';

export interface ProgrammeWiring {
  readonly services: Pick<
    AppContext,
    | 'programmes'
    | 'sessionEditing'
    | 'programmeItemEditing'
    | 'speakerEditing'
    | 'cityEditing'
    | 'channelEditing'
    | 'editionEditing'
    | 'dayEditing'
    | 'programmeImport'
  >;
  /** Speaker photos, also served at /media/photos/. */
  readonly photos: PhotoStore;
  /** The slug of the demo edition when this start loaded it. */
  readonly demoLoaded: string | null;
}

export async function wireProgramme(deps: {
  readonly db: Db;
  readonly dataDir: string;
  readonly programmeRepository: ProgrammeRepository;
  /** Loads the demo forum when the database has no edition yet. */
  readonly loadDemo: boolean;
  /** Replaces the photo store: by default `photos/` under DATA_DIR (memory for an in-memory database). */
  readonly photos?: PhotoStore;
  readonly clock?: () => Date;
}): Promise<ProgrammeWiring> {
  const { db, programmeRepository, clock } = deps;
  const demoLoaded = deps.loadDemo ? await loadDemoIfEmpty(programmeRepository) : null;
  const photos =
    deps.photos ??
    (deps.dataDir.startsWith('memory://') ? new MemoryPhotoStore() : new FilePhotoStore(join(deps.dataDir, 'photos')));
  const editionEditRepository = new EditionEditRepository(db);
  return {
    demoLoaded,
    photos,
    services: {
      programmes: new ProgrammeService(programmeRepository, clock),
      sessionEditing: new SessionEditing(programmeRepository, new SessionEditRepository(db)),
      programmeItemEditing: new ProgrammeItemEditing(programmeRepository, new ProgrammeItemEditRepository(db)),
      speakerEditing: new SpeakerEditing(
        programmeRepository,
        new SpeakerEditRepository(db),
        photos,
        processSpeakerPhoto
      ),
      cityEditing: new PlaceEditing(programmeRepository, cityEditRepository(db), cityRules),
      channelEditing: new PlaceEditing(programmeRepository, channelEditRepository(db), channelRules),
      editionEditing: new EditionEditing(programmeRepository, editionEditRepository),
      dayEditing: new DayEditing(editionEditRepository, new DayEditRepository(db)),
      programmeImport: new ProgrammeImport(programmeRepository, new ProgrammeImportRepository(db), clock)
    }
  };
}
