/** Onboarding and options: what Attune does, microphone permission, privacy-local mode, how to start. */
import '../theme.css';
import '../page.css';
import '../components/components.css';
import './setup.css';
import type { ComponentChildren } from 'preact';
import { ActionStatus, type ActionResult } from '../components/ActionStatus';
import { Alert } from '../components/Alert';
import { Switch } from '../components/Switch';
import { GazeSection, type GazeSectionProps } from './GazeSection';

import { PRIVACY_LOCAL_DESCRIPTION, type MicPermission } from '../labels';
import { SpeechSection, type SpeechSectionProps } from './SpeechSection';

export interface SetupPageProps {
  micPermission: MicPermission;
  onRequestMic(): void;
  privacyLocal: boolean;
  onPrivacyLocalChange(on: boolean): void;
  /** A problem loading the page (shown at the top). */
  message: string | null;
  /** The last action's result (microphone, privacy mode), shown beside its control. */
  result?: ActionResult | null;
  /** Further sections (the nudge settings, …), shown after the steps. */
  children?: ComponentChildren;
  /** Speech-to-text engine (absent: the section is not shown). */
  speech?: SpeechSectionProps;
  /** Gaze cues: present once the page knows whether the face model is part of the build. */
  gaze?: GazeSectionProps;
}

export function SetupPage({ micPermission, onRequestMic, privacyLocal, onPrivacyLocalChange, message, result, children, speech, gaze }: SetupPageProps) {
  const granted = micPermission === 'granted';
  return (
    <main class="attune-theme attune-page attune-setup">
      <div class="attune-setup__inner">
        <h1>Set up Attune</h1>
        <p>Attune is a quiet coach for video visits. One minute of setup, on this page:</p>
        <div class="attune-setup__promise">
          <section aria-labelledby="attune-does">
            <h2 id="attune-does">What Attune does</h2>
            <ul>
              <li>Shows, during the visit, how the talk time is shared between you and the patient.</li>
              <li>Counts your open and closed questions and reflections (your microphone, analysed on this computer only).</li>
              <li>Keeps a short summary of figures on this computer, for 90 days by default.</li>
            </ul>
          </section>
          <section aria-labelledby="attune-never">
            <h2 id="attune-never">What it never does</h2>
            <ul>
              <li>Record audio or video.</li>
              <li>Transcribe the patient: their audio is timed, never transcribed or stored.</li>
              <li>Send anything over the network.</li>
            </ul>
          </section>
        </div>
        <p>
          <a href="privacy.html" target="_blank" rel="noopener">
            Read the privacy policy
          </a>{' '}
          (what Attune processes, where, and what it keeps).
        </p>
        <Alert message={message} />

        <ol class="attune-setup__steps">
          <li class="attune-setup__step">
            <h2>Allow the microphone</h2>
            <p>Attune needs your microphone to tell when you are speaking.</p>
            <button
              type="button"
              class={`attune-btn ${granted ? '' : 'attune-btn--primary'}`}
              disabled={granted}
              onClick={onRequestMic}
            >
              {granted && (
                <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
                </svg>
              )}
              {granted ? 'Microphone allowed' : 'Allow microphone'}
            </button>
            <ActionStatus result={result} area="mic" />
            {micPermission === 'denied' && (
              <div class="attune-notice" role="note">
                <p>
                  <strong>The microphone is blocked for Attune.</strong> To allow it again in Chrome:
                </p>
                <ol>
                  <li>Click the site information icon at the left of the address bar on this page.</li>
                  <li>
                    Choose <strong>Site settings</strong>.
                  </li>
                  <li>
                    Set <strong>Microphone</strong> to <strong>Allow</strong>, then come back and reload this page.
                  </li>
                </ol>
                <p>In Firefox, click the microphone icon in the address bar and remove the block.</p>
              </div>
            )}
          </li>

          <li class="attune-setup__step">
            <h2>Choose privacy-local mode</h2>
            <Switch
              label="Privacy-local mode"
              description={PRIVACY_LOCAL_DESCRIPTION}
              checked={privacyLocal}
              onChange={onPrivacyLocalChange}
            />
            <ActionStatus result={result} area="privacy" />
          </li>

          {speech && <SpeechSection {...speech} />}
          {gaze && <GazeSection {...gaze} />}

          <li class="attune-setup__step">
            <h2>Start coaching</h2>
            <p>
              Open your video visit, then click the Attune button in the browser toolbar and choose <strong>Start coaching</strong>
              : started from the toolbar, Chrome lets Attune time the patient from the call tab&apos;s sound (Firefox has no tab
              capture: there Attune times the patient from the call page&apos;s own audio, and the panel cannot pop out into its own
              window). <strong>Start coaching</strong>{' '}
              in the panel on the call page works too. End the visit from the panel or the toolbar, and its summary is saved on this
              computer.
            </p>
            <p>
              <strong>Try it first:</strong> start a test call with yourself on your video platform (a second browser window can be
              the patient) and coach it for 30 seconds. From the source code, <code>npm run demo</code> opens a scripted demo visit
              instead (see the README); the store version does not include it, because the panel only runs on call pages.
            </p>
          </li>
        </ol>
        {children}
      </div>
    </main>
  );
}
