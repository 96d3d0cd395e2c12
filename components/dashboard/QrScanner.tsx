"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return candidate && typeof navigator !== "undefined" && "mediaDevices" in navigator && typeof navigator.mediaDevices.getUserMedia === "function" ? candidate : null;
}

const noSubscription = () => () => {};

/**
 * Reads the customer's QR code with the phone camera where the browser offers
 * BarcodeDetector, and types the code into the field; otherwise it shows nothing
 * and the code is typed by hand.
 */
export function QrScanner({ targetId, label, stopLabel, errorLabel }: { targetId: string; label: string; stopLabel: string; errorLabel: string }) {
  // Read on the client only (false while rendering on the server): no hydration mismatch.
  const supported = useSyncExternalStore(noSubscription, () => detectorClass() !== null, () => false);
  const [scanning, setScanning] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!scanning) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => {
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then((media) => {
        stream = media;
        if (!video.current) return;
        video.current.srcObject = media;
        // Frames may take a moment; detection simply finds nothing until they come.
        void video.current.play().catch(() => {});
        const detector = new Detector({ formats: ["qr_code"] });
        timer = setInterval(async () => {
          if (!video.current) return;
          const [code] = await detector.detect(video.current).catch(() => []);
          if (!code) return;
          const input = document.getElementById(targetId);
          if (input instanceof HTMLInputElement) {
            input.value = code.rawValue.trim().toUpperCase();
            input.focus();
          }
          setScanning(false);
        }, 300);
      })
      .catch(() => {
        setFailed(true);
        setScanning(false);
      });
    return stop;
  }, [scanning, targetId]);

  if (!supported) return null;
  return (
    <div className="space-y-2">
      <button type="button" onClick={() => setScanning((s) => !s)} className="min-h-11 rounded-lg border border-brand-600 px-3 font-medium text-brand-700">
        {scanning ? stopLabel : label}
      </button>
      {scanning && <video ref={video} muted playsInline className="w-full max-w-xs rounded-lg" aria-hidden="true" />}
      {failed && <p role="alert" className="text-sm text-red-800">{errorLabel}</p>}
    </div>
  );
}
