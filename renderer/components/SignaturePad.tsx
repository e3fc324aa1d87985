import { useEffect, useRef } from 'react';

const WIDTH = 480;
const HEIGHT = 160;

/**
 * A signature drawn with a mouse, pen or finger (pointer events), handed out as PNG base64 after
 * each stroke, or null once cleared. Kept small (a few KB): it is stored with the consent record.
 */
export function SignaturePad({
  label,
  clearLabel,
  onChange,
}: {
  label: string;
  clearLabel: string;
  onChange: (pngBase64: string | null) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, WIDTH, HEIGHT);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111';
  }, []);

  function point(event: React.PointerEvent<HTMLCanvasElement>) {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * WIDTH) / rect.width,
      y: ((event.clientY - rect.top) * HEIGHT) / rect.height,
    };
  }

  function start(event: React.PointerEvent<HTMLCanvasElement>) {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  }

  function move(event: React.PointerEvent<HTMLCanvasElement>) {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    const { x, y } = point(event);
    context?.lineTo(x, y);
    context?.stroke();
  }

  function end(event: React.PointerEvent<HTMLCanvasElement>) {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(event.currentTarget.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
  }

  function clear() {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, WIDTH, HEIGHT);
    onChange(null);
  }

  return (
    <div className="field signature-field">
      <span id="signature-label">{label}</span>
      <canvas
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad"
        data-testid="signature-pad"
        aria-labelledby="signature-label"
        role="img"
        style={{ touchAction: 'none', border: '1px solid #888', maxWidth: '100%', background: '#fff' }}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerLeave={end}
      />
      <div>
        <button type="button" onClick={clear}>
          {clearLabel}
        </button>
      </div>
    </div>
  );
}
