// The demo visit: a scripted patient speaks over a real WebRTC connection. Two
// RTCPeerConnections in this page are looped back to each other, so the patient's voice
// arrives as a remote audio track exactly as it would from a telehealth service, and
// Attune can take it by tab capture or by tapping the page's remote tracks.
// The page announces its call state on <body data-call-state> for Attune's demo adapter.

const $ = (id) => document.getElementById(id);
const AUDIO_BASE = '/attune-demo/audio/';
let call = null;

function setState(state, status) {
  document.body.dataset.callState = state;
  $('patient-status').textContent = status;
}

async function loadScript() {
  const truth = await (await fetch(AUDIO_BASE + 'truth.json')).json();
  const lines = truth.turns.filter((t) => t.speaker === 'clinician');
  $('lines').replaceChildren(
    ...lines.map((t) => {
      const li = document.createElement('li');
      li.textContent = t.text;
      li.dataset.start = t.start;
      li.dataset.end = t.end;
      return li;
    }),
  );
}

async function connectLoopback(stream) {
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = (e) => e.candidate && receiver.addIceCandidate(e.candidate);
  receiver.onicecandidate = (e) => e.candidate && sender.addIceCandidate(e.candidate);
  const remote = new Promise((resolve) => (receiver.ontrack = (e) => resolve(e.streams[0] ?? new MediaStream([e.track]))));
  stream.getTracks().forEach((t) => sender.addTrack(t, stream));
  await sender.setLocalDescription(await sender.createOffer());
  await receiver.setRemoteDescription(sender.localDescription);
  await receiver.setLocalDescription(await receiver.createAnswer());
  await sender.setRemoteDescription(receiver.localDescription);
  return { sender, receiver, remoteStream: await remote };
}

/** Lights the patient's avatar while the remote track carries sound, as call apps do. */
function watchSpeaking(context, remoteStream) {
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(remoteStream).connect(analyser);
  const data = new Float32Array(analyser.fftSize);
  return setInterval(() => {
    analyser.getFloatTimeDomainData(data);
    const rms = Math.sqrt(data.reduce((s, v) => s + v * v, 0) / data.length);
    $('patient-avatar').classList.toggle('speaking', rms > 0.01);
  }, 100);
}

/**
 * What every real call page holds and the plain demo does not: the clinician's camera and
 * microphone. Opened only when asked (`<body data-local-media="true">`, set by the cost
 * benchmark so its browser without Attune pays for them as a real call does). The camera is
 * shown as a self-view and sent over the loopback like a real call's video; the microphone
 * drives a level meter and is not sent, because here the far end is this same page and
 * Attune's remote-track tap would take the clinician's own voice for the patient's.
 */
async function openLocalMedia(context) {
  if (document.body.dataset.localMedia !== 'true') return null;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true }).catch(() => null);
  if (!stream) return null;
  const selfView = Object.assign(document.createElement('video'), { muted: true, autoplay: true, playsInline: true, srcObject: stream, id: 'self-view' });
  selfView.setAttribute('aria-label', 'Your camera');
  selfView.style.cssText = 'position:fixed;right:16px;bottom:72px;width:160px;border-radius:8px';
  document.body.append(selfView);
  const level = context.createAnalyser();
  context.createMediaStreamSource(new MediaStream(stream.getAudioTracks())).connect(level);
  const data = new Float32Array(level.fftSize);
  const meter = setInterval(() => {
    level.getFloatTimeDomainData(data);
    selfView.classList.toggle('speaking', data.some((v) => Math.abs(v) > 0.05));
  }, 100);
  return { stream, selfView, meter };
}

async function join() {
  $('join').disabled = true;
  setState('connecting', 'Connecting…');
  const context = new AudioContext();
  const bytes = await (await fetch(AUDIO_BASE + 'patient.wav')).arrayBuffer();
  const buffer = await context.decodeAudioData(bytes);
  const destination = context.createMediaStreamDestination();
  const source = context.createBufferSource();
  source.buffer = buffer;
  // A cost benchmark of a long visit loops the dialogue (a 2-hour track would not fit an AudioBuffer).
  source.loop = document.body.dataset.patientLoop === 'true';
  source.connect(destination);
  const local = await openLocalMedia(context);
  const outgoing = new MediaStream([...destination.stream.getTracks(), ...(local?.stream.getVideoTracks() ?? [])]);
  const { sender, receiver, remoteStream } = await connectLoopback(outgoing);
  $('remote-audio').srcObject = remoteStream;
  // A test (or `npm run demo`) may say when the clinician's recording started (epoch ms): the
  // patient's part then starts at the same point of the script, so the two sides keep the
  // dialogue's timing instead of talking over each other.
  const zeroAtMs = Number(document.body.dataset.scriptZeroAtMs);
  const offsetS = zeroAtMs > 0 ? Math.max(0, (performance.timeOrigin + performance.now() - zeroAtMs) / 1000) : 0;
  source.start(0, offsetS);
  const startedAt = performance.now() - offsetS * 1000;
  // Epoch ms of the script's time zero, so a test can line the panel's reactions up with the truth.
  document.body.dataset.patientStartedAtMs = String(performance.timeOrigin + startedAt);
  const timers = [
    ...(local ? [local.meter] : []),
    watchSpeaking(context, remoteStream),
    setInterval(() => {
      const s = (performance.now() - startedAt) / 1000;
      $('timer').textContent = `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
      for (const li of $('lines').children) li.classList.toggle('now', s >= li.dataset.start - 1 && s <= li.dataset.end);
    }, 250),
  ];
  source.onended = () => {
    document.body.dataset.patientFinished = 'true';
    setState('live', 'The patient has finished their part of the script');
  };
  call = { context, sender, receiver, timers, source, local };
  $('hangup').disabled = false;
  setState('live', 'In call');
}

function hangUp() {
  if (!call) return;
  call.timers.forEach(clearInterval);
  call.source.onended = null;
  try { call.source.stop(); } catch { /* already ended */ }
  call.sender.close();
  call.receiver.close();
  void call.context.close();
  call.local?.stream.getTracks().forEach((t) => t.stop());
  call.local?.selfView.remove();
  call = null;
  $('remote-audio').srcObject = null;
  $('hangup').disabled = true;
  $('patient-avatar').classList.remove('speaking');
  setState('ended', 'Call ended');
}

/**
 * The call's own WebRTC statistics (both ends of the loopback), for the cost benchmark: whether
 * the call stutters with Attune beside it (audio concealed or synthesized, video encoding held
 * back for CPU) is read from what the call itself reports, in both browsers.
 */
globalThis.demoCallStats = async () => {
  if (!call) return null;
  const read = async (pc) => [...(await pc.getStats()).values()];
  return { sender: await read(call.sender), receiver: await read(call.receiver) };
};

$('join').addEventListener('click', () => join().catch((e) => setState('waiting', `Could not join: ${e.message}`)));
$('hangup').addEventListener('click', hangUp);
loadScript().catch(() => undefined);
