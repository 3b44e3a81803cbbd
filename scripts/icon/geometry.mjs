// The one source of Bulwark's icon: a shield (the stop that always stands) over a dark rounded
// square, on a 1024-unit canvas. scripts/icon/render.mjs writes resources/icon.svg from these
// shapes and rasterises the very same shapes into every PNG/ICO/ICNS size, so the vector source
// and the bitmaps can never drift apart (docs/adr/0800-icons-rendered-from-code.md).

/** Canvas edge in icon units. */
export const CANVAS = 1024;

/** Dark rounded-square background. */
export const background = { x: 64, y: 64, size: 896, radius: 200, color: [22, 27, 38] };

/** The shield outline, clockwise, in icon units. */
export const shield = {
  color: [46, 204, 113],
  points: [
    [512, 176],
    [800, 272],
    [800, 520],
    [760, 640],
    [680, 740],
    [512, 860],
    [344, 740],
    [264, 640],
    [224, 520],
    [224, 272],
  ],
};

/** The stop bar across the shield: the exchange-side stop under the position. */
export const stopBar = { x: 352, y: 560, width: 320, height: 72, color: [22, 27, 38] };

/** The rising price stroke above the bar, as a polygon. */
export const priceStroke = {
  color: [22, 27, 38],
  points: [
    [336, 480],
    [448, 368],
    [528, 432],
    [664, 296],
    [704, 336],
    [528, 512],
    [448, 448],
    [376, 520],
  ],
};
