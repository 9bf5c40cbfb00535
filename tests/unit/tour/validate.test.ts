import { describe, expect, it } from 'vitest'
import { formatProblem } from '../../../src/i18n/problems.ts'
import type { ProblemCode, TourProblem } from '../../../src/tour/problems.ts'
import { relativeToTour, type ValidateOptions, validateTour } from '../../../src/tour/validate.ts'
import {
  type JsonPath,
  minimalTour,
  PATHS,
  REMOVE,
  sampleTour,
  tourWith,
} from '../support/tours.ts'

/** Returns the one problem with `code`, failing the test when there is none or more than one. */
function onlyProblem(input: unknown, code: ProblemCode, options?: ValidateOptions): TourProblem {
  const problems = validateTour(input, options).problems
  const matches = problems.filter((problem) => problem.code === code)
  expect(matches, `problems with code ${code} in ${JSON.stringify(problems)}`).toHaveLength(1)
  return matches[0] as TourProblem
}

function codesOf(input: unknown, options?: ValidateOptions): ProblemCode[] {
  return validateTour(input, options).problems.map((problem) => problem.code)
}

const en = (problem: TourProblem) => formatProblem(problem, 'en')
const vi = (problem: TourProblem) => formatProblem(problem, 'vi')

const at = (base: JsonPath, ...rest: (string | number)[]): JsonPath => [...base, ...rest]

/** A third scene that no hotspot links to. */
const MARKET_SCENE = {
  id: 'market',
  kind: 'panorama',
  title: { vi: 'Chợ phiên', en: 'Market' },
  panorama: { type: 'equirect', src: '../../panoramas/market.jpg' },
}

const SELF_LINK = { id: 'loop', kind: 'scene', target: 'market', yaw: 0, pitch: 0 }

describe('tour/validate', () => {
  describe('valid tours', () => {
    it('minimal tour has no problems', () => {
      const result = validateTour(minimalTour())
      expect(result.problems).toEqual([])
      expect(result.tour).not.toBeNull()
    })

    it('sample tour has no problems', () => {
      const result = validateTour(sampleTour())
      expect(result.problems).toEqual([])
      expect(result.tour).not.toBeNull()
    })

    it('fills defaults in parsed tour', () => {
      const tour = validateTour(minimalTour()).tour
      expect(tour?.offers).toEqual([])
      expect(tour?.scenes[0]?.hotspots).toEqual([])
    })

    it('accepts $schema property', () => {
      const input = tourWith([[['$schema'], '../../schema/tour.v1.json']], minimalTour())
      expect(validateTour(input).problems).toEqual([])
    })

    it('warnings alone keep tour', () => {
      const input = tourWith([
        [['guide'], { voice: 'narrator' }],
        [['scenes', 2], { ...MARKET_SCENE }],
        [['title'], { vi: 'Tây Bắc', en: 'Northwest Vietnam', fr: 'Nord-Ouest' }],
      ])
      const result = validateTour(input)
      expect(result.problems.map((problem) => problem.code).sort()).toEqual([
        'orphan-scene',
        'unknown-key',
        'unlisted-locale',
      ])
      expect(result.problems.every((problem) => problem.severity === 'warning')).toBe(true)
      expect(result.tour).not.toBeNull()
    })
  })

  describe('document', () => {
    it.each([
      ['array', [], '"array"'],
      ['null', null, '"null"'],
      ['string', 'tour', '"string"'],
      ['number', 1, '"number"'],
    ])('rejects %s', (_name, input, quoted) => {
      const problem = onlyProblem(input, 'not-an-object')
      expect(problem.severity).toBe('error')
      expect(en(problem)).toBe(
        `Tour: the file must contain a JSON object, but it contains ${quoted}.`,
      )
      expect(vi(problem)).toBe(
        `Tour: nội dung tệp phải là một đối tượng JSON, nhưng lại là ${quoted}.`,
      )
      expect(validateTour(input).tour).toBeNull()
    })

    it('unknown version', () => {
      const input = tourWith([[['version'], 2]])
      const problem = onlyProblem(input, 'unknown-version')
      expect(problem.path).toEqual(['version'])
      expect(en(problem)).toBe('Tour: version 2 is not supported; this app reads version 1.')
      expect(vi(problem)).toBe('Tour: phiên bản 2 không được hỗ trợ; ứng dụng này đọc phiên bản 1.')
    })

    it('version as string', () => {
      const problem = onlyProblem(tourWith([[['version'], '1']]), 'unknown-version')
      expect(en(problem)).toBe('Tour: version "1" is not supported; this app reads version 1.')
    })

    it('unknown version stops there', () => {
      const input = tourWith([
        [['version'], 2],
        [['start'], 'nowhere'],
      ])
      expect(codesOf(input)).toEqual(['unknown-version'])
    })

    it('missing version', () => {
      const problem = onlyProblem(tourWith([[['version'], REMOVE]]), 'missing-field')
      expect(problem.path).toEqual(['version'])
      expect(en(problem)).toBe('Tour: the field “version” is missing.')
      expect(vi(problem)).toBe('Tour: thiếu trường “version”.')
    })
  })

  describe('schema rules', () => {
    it('missing top-level field', () => {
      const problem = onlyProblem(tourWith([[['title'], REMOVE]]), 'missing-field')
      expect(problem.severity).toBe('error')
      expect(en(problem)).toBe('Tour: the field “title” is missing.')
      expect(vi(problem)).toBe('Tour: thiếu trường “title”.')
    })

    it('missing scene field', () => {
      const input = tourWith([[at(PATHS.panoramaScene, 'panorama'), REMOVE]])
      const problem = onlyProblem(input, 'missing-field')
      expect(problem.where).toEqual({ scene: 'huoi-nha' })
      expect(en(problem)).toBe('Scene “huoi-nha”: the field “panorama” is missing.')
      expect(vi(problem)).toBe('Cảnh “huoi-nha”: thiếu trường “panorama”.')
    })

    it('missing hotspot field', () => {
      const input = tourWith([[at(PATHS.sceneHotspot, 'target'), REMOVE]])
      const problem = onlyProblem(input, 'missing-field')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”, hotspot “to-stilt-house”: the field “target” is missing.',
      )
      expect(vi(problem)).toBe('Cảnh “huoi-nha”, điểm “to-stilt-house”: thiếu trường “target”.')
    })

    it('missing offer field', () => {
      const input = tourWith([[at(PATHS.offer, 'price', 'currency'), REMOVE]])
      const problem = onlyProblem(input, 'missing-field')
      expect(en(problem)).toBe('Offer “dien-bien-3n2d”: the field “price.currency” is missing.')
      expect(vi(problem)).toBe('Ưu đãi “dien-bien-3n2d”: thiếu trường “price.currency”.')
    })

    it('empty text counts as missing', () => {
      const input = tourWith([[at(PATHS.offer, 'operator'), '']])
      const problem = onlyProblem(input, 'missing-field')
      expect(en(problem)).toBe('Offer “dien-bien-3n2d”: the field “operator” is missing.')
    })

    it('invalid type of angle', () => {
      const input = tourWith([[at(PATHS.sceneHotspot, 'yaw'), '30']])
      const problem = onlyProblem(input, 'invalid-type')
      expect(problem.value).toBe('30')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”, hotspot “to-stilt-house”: the field “yaw” is "30"; expected number.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”, điểm “to-stilt-house”: trường “yaw” có giá trị "30", cần number.',
      )
    })

    it('invalid type of text', () => {
      const problem = onlyProblem(tourWith([[['title'], 5]]), 'invalid-type')
      expect(en(problem)).toBe(
        'Tour: the field “title” is 5; expected text or { "vi": text, "en": text }.',
      )
      expect(vi(problem)).toBe(
        'Tour: trường “title” có giá trị 5, cần text or { "vi": text, "en": text }.',
      )
    })

    it('invalid type of list', () => {
      const input = tourWith([[at(PATHS.panoramaScene, 'hotspots'), {}]])
      const problem = onlyProblem(input, 'invalid-type')
      expect(en(problem)).toBe('Scene “huoi-nha”: the field “hotspots” is {}; expected array.')
    })

    it.each([
      ['hotspot yaw above', at(PATHS.sceneHotspot, 'yaw'), 200, 'yaw', '[-180, 180]'],
      ['hotspot yaw below', at(PATHS.sceneHotspot, 'yaw'), -180.5, 'yaw', '[-180, 180]'],
      ['hotspot pitch', at(PATHS.sceneHotspot, 'pitch'), -91, 'pitch', '[-90, 90]'],
      [
        'targetView yaw',
        at(PATHS.sceneHotspot, 'targetView', 'yaw'),
        -200,
        'targetView.yaw',
        '[-180, 180]',
      ],
      [
        'targetView pitch',
        at(PATHS.sceneHotspot, 'targetView', 'pitch'),
        100,
        'targetView.pitch',
        '[-90, 90]',
      ],
      [
        'targetView fov',
        at(PATHS.sceneHotspot, 'targetView', 'fov'),
        121,
        'targetView.fov',
        '[10, 120]',
      ],
    ])('%s out of range', (_name, path, value, field, range) => {
      const problem = onlyProblem(tourWith([[path, value]]), 'out-of-range')
      expect(problem.severity).toBe('error')
      expect(problem.value).toBe(value)
      expect(en(problem)).toBe(
        `Scene “huoi-nha”, hotspot “to-stilt-house”: the field “${field}” is ${value}, outside the range ${range}.`,
      )
      expect(vi(problem)).toBe(
        `Cảnh “huoi-nha”, điểm “to-stilt-house”: trường “${field}” = ${value} nằm ngoài khoảng ${range}.`,
      )
    })

    it.each([
      ['view yaw', at(PATHS.panoramaScene, 'view', 'yaw'), 181, 'view.yaw', '[-180, 180]'],
      ['view pitch', at(PATHS.panoramaScene, 'view', 'pitch'), 90.5, 'view.pitch', '[-90, 90]'],
      ['view fov', at(PATHS.panoramaScene, 'view', 'fov'), 9, 'view.fov', '[10, 120]'],
    ])('scene %s out of range', (_name, path, value, field, range) => {
      const problem = onlyProblem(tourWith([[path, value]]), 'out-of-range')
      expect(en(problem)).toBe(
        `Scene “huoi-nha”: the field “${field}” is ${value}, outside the range ${range}.`,
      )
      expect(vi(problem)).toBe(
        `Cảnh “huoi-nha”: trường “${field}” = ${value} nằm ngoài khoảng ${range}.`,
      )
    })

    it('model camera fov out of range', () => {
      const input = tourWith([[at(PATHS.modelScene, 'camera', 'fov'), 130]])
      const problem = onlyProblem(input, 'out-of-range')
      expect(en(problem)).toBe(
        'Scene “stilt-house”: the field “camera.fov” is 130, outside the range [10, 120].',
      )
    })

    it('accepts angle boundaries', () => {
      const input = tourWith([
        [at(PATHS.sceneHotspot, 'yaw'), -180],
        [at(PATHS.sceneHotspot, 'pitch'), 90],
        [at(PATHS.infoHotspot, 'yaw'), 180],
        [at(PATHS.infoHotspot, 'pitch'), -90],
        [at(PATHS.panoramaScene, 'view', 'fov'), 10],
        [at(PATHS.sceneHotspot, 'targetView', 'fov'), 120],
      ])
      expect(validateTour(input).problems).toEqual([])
    })

    it('exclusive minimum reads as >', () => {
      const input = tourWith([[at(PATHS.offer, 'durationDays'), 0]])
      const problem = onlyProblem(input, 'out-of-range')
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the field “durationDays” is 0, outside the range > 0.',
      )
    })

    it('negative price out of range', () => {
      const input = tourWith([[at(PATHS.offer, 'price', 'amount'), -5]])
      const problem = onlyProblem(input, 'out-of-range')
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the field “price.amount” is -5, outside the range ≥ 0.',
      )
    })

    it('invalid hotspot id', () => {
      const input = tourWith([[at(PATHS.sceneHotspot, 'id'), 'to stilt house']])
      const problem = onlyProblem(input, 'invalid-id')
      expect(problem.value).toBe('to stilt house')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”, hotspot “to stilt house”: the id "to stilt house" in “id” is invalid: use only letters, digits, “.”, “_” and “-”.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”, điểm “to stilt house”: mã "to stilt house" ở “id” không hợp lệ: chỉ dùng chữ cái, chữ số, “.”, “_” và “-”.',
      )
    })

    it('invalid reference id', () => {
      const input = tourWith([[at(PATHS.offerHotspot, 'offer'), '-homestay']])
      expect(codesOf(input)).toContain('invalid-id')
    })

    it.each([
      ['scene', PATHS.panoramaScene, 'video', 'Scene “huoi-nha”', '"panorama", "model"'],
      [
        'hotspot',
        PATHS.sceneHotspot,
        'link',
        'Scene “huoi-nha”, hotspot “to-stilt-house”',
        '"scene", "info", "offer"',
      ],
    ])('unknown %s kind', (_name, path, kind, place, options) => {
      const problem = onlyProblem(tourWith([[at(path, 'kind'), kind]]), 'invalid-value')
      expect(problem.path).toEqual([...path, 'kind'])
      expect(en(problem)).toBe(
        `${place}: the field “kind” is "${kind}"; expected one of ${options}.`,
      )
      expect(vi(problem)).toContain(`trường “kind” có giá trị "${kind}"`)
    })

    it('unknown panorama type', () => {
      const input = tourWith([[at(PATHS.panoramaScene, 'panorama', 'type'), 'fisheye']])
      const problem = onlyProblem(input, 'invalid-value')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”: the field “panorama.type” is "fisheye"; expected one of "equirect", "tiles", "cube".',
      )
    })

    it('missing hotspot kind', () => {
      const input = tourWith([[at(PATHS.infoHotspot, 'kind'), REMOVE]])
      const problem = onlyProblem(input, 'missing-field')
      expect(en(problem)).toBe('Scene “huoi-nha”, hotspot “weaving”: the field “kind” is missing.')
    })

    it('empty scene list', () => {
      const problem = onlyProblem(tourWith([[['scenes'], []]]), 'too-few-items')
      expect(en(problem)).toBe('Tour: the list “scenes” needs at least 1 item(s).')
    })

    it('vector with too many items', () => {
      const input = tourWith([[at(PATHS.modelScene, 'camera', 'position'), [6, 3, 6, 1]]])
      const problem = onlyProblem(input, 'too-many-items')
      expect(en(problem)).toBe(
        'Scene “stilt-house”: the list “camera.position” has 4 items, more than the maximum of 3.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “stilt-house”: danh sách “camera.position” có 4 mục, nhiều hơn mức tối đa 3 mục.',
      )
    })

    it('vector with too few items', () => {
      const input = tourWith([[at(PATHS.modelHotspot, 'position'), [0, 1]]])
      const problem = onlyProblem(input, 'too-few-items')
      expect(en(problem)).toBe(
        'Scene “stilt-house”, hotspot “back”: the list “position” needs at least 3 item(s).',
      )
    })

    it('invalid phone', () => {
      const input = tourWith([[at(PATHS.offer, 'phone'), 'call us']])
      const problem = onlyProblem(input, 'invalid-phone')
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the phone number "call us" is invalid (for example "+84 214 3800 000").',
      )
    })

    it('invalid currency', () => {
      const input = tourWith([[at(PATHS.offer, 'price', 'currency'), 'dong']])
      const problem = onlyProblem(input, 'invalid-currency')
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the currency code "dong" is invalid (for example "VND").',
      )
    })

    it('invalid locale', () => {
      const problem = onlyProblem(tourWith([[['locales'], ['vi', 'English']]]), 'invalid-locale')
      expect(en(problem)).toBe(
        'Tour: the language tag "English" is invalid (for example "vi" or "en").',
      )
    })
  })

  describe('references', () => {
    it('duplicate scene id', () => {
      const scenes = sampleTour().scenes as unknown[]
      const input = tourWith([[['scenes', 2], { ...(scenes[0] as object), hotspots: [] }]])
      const problem = onlyProblem(input, 'duplicate-id')
      expect(problem.path).toEqual(['scenes', 2, 'id'])
      expect(en(problem)).toBe(
        'Scene “huoi-nha”: the id "huoi-nha" is used more than once; each id must be unique.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”: mã "huoi-nha" bị trùng; mỗi mã chỉ được dùng một lần.',
      )
    })

    it('duplicate offer id', () => {
      const offers = sampleTour().offers as unknown[]
      const problem = onlyProblem(tourWith([[['offers', 1], offers[0]]]), 'duplicate-id')
      expect(problem.path).toEqual(['offers', 1, 'id'])
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the id "dien-bien-3n2d" is used more than once; each id must be unique.',
      )
    })

    it('duplicate hotspot id', () => {
      const problem = onlyProblem(
        tourWith([[at(PATHS.infoHotspot, 'id'), 'to-stilt-house']]),
        'duplicate-id',
      )
      expect(problem.path).toEqual([...PATHS.infoHotspot, 'id'])
      expect(en(problem)).toBe(
        'Scene “huoi-nha”, hotspot “to-stilt-house”: the id "to-stilt-house" is used more than once; each id must be unique.',
      )
    })

    it('same hotspot id in two scenes', () => {
      const input = tourWith([[at(PATHS.modelHotspot, 'id'), 'to-stilt-house']])
      expect(validateTour(input).problems).toEqual([])
    })

    it('unknown start', () => {
      const problem = onlyProblem(tourWith([[['start'], 'ban-lac']]), 'unknown-start')
      expect(problem.severity).toBe('error')
      expect(en(problem)).toBe('Tour: the start scene "ban-lac" is not in the list of scenes.')
      expect(vi(problem)).toBe('Tour: cảnh bắt đầu "ban-lac" không có trong danh sách cảnh.')
    })

    it('unknown target', () => {
      const input = tourWith([[at(PATHS.sceneHotspot, 'target'), 'tea-hill']])
      const problem = onlyProblem(input, 'unknown-target')
      expect(problem.path).toEqual([...PATHS.sceneHotspot, 'target'])
      expect(en(problem)).toBe(
        'Scene “huoi-nha”, hotspot “to-stilt-house”: this hotspot leads to scene "tea-hill", which does not exist.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”, điểm “to-stilt-house”: điểm này dẫn tới cảnh "tea-hill", nhưng cảnh đó không tồn tại.',
      )
    })

    it('unknown offer', () => {
      const input = tourWith([[at(PATHS.offerHotspot, 'offer'), 'sapa-2n1d']])
      const problem = onlyProblem(input, 'unknown-offer')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”, hotspot “homestay”: this hotspot opens offer "sapa-2n1d", which does not exist.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”, điểm “homestay”: điểm này mở ưu đãi "sapa-2n1d", nhưng ưu đãi đó không tồn tại.',
      )
    })

    it('self-link', () => {
      const input = tourWith([[at(PATHS.modelHotspot, 'target'), 'stilt-house']])
      const problem = onlyProblem(input, 'self-link')
      expect(problem.severity).toBe('error')
      expect(en(problem)).toBe(
        'Scene “stilt-house”, hotspot “back”: this hotspot leads back to its own scene "stilt-house".',
      )
      expect(vi(problem)).toBe(
        'Cảnh “stilt-house”, điểm “back”: điểm này dẫn về chính cảnh "stilt-house".',
      )
    })

    it('orphan scene is a warning', () => {
      const input = tourWith([[['scenes', 2], { ...MARKET_SCENE }]])
      const problem = onlyProblem(input, 'orphan-scene')
      expect(problem.severity).toBe('warning')
      expect(problem.where).toEqual({ scene: 'market' })
      expect(en(problem)).toBe(
        'Scene “market”: no scene links to this scene; it opens only from the scene list.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “market”: không có cảnh nào dẫn tới cảnh này; chỉ mở được từ danh sách cảnh.',
      )
      expect(validateTour(input).tour).not.toBeNull()
    })

    it('scene linked only by itself is orphan', () => {
      const input = tourWith([[['scenes', 2], { ...MARKET_SCENE, hotspots: [{ ...SELF_LINK }] }]])
      expect(codesOf(input).sort()).toEqual(['orphan-scene', 'self-link'])
    })

    it('start scene is never orphan', () => {
      const input = tourWith([[at(PATHS.modelHotspot, 'target'), REMOVE]])
      expect(codesOf(input)).not.toContain('orphan-scene')
    })
  })

  describe('locales', () => {
    it('missing default-locale text', () => {
      const input = tourWith([[at(PATHS.panoramaScene, 'title'), { en: 'Huoi Nha' }]])
      const problem = onlyProblem(input, 'missing-default-text')
      expect(problem.severity).toBe('error')
      expect(problem.path).toEqual([...PATHS.panoramaScene, 'title', 'vi'])
      expect(en(problem)).toBe(
        'Scene “huoi-nha”: the field “title” has no text for the default language “vi”.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”: trường “title” thiếu nội dung cho ngôn ngữ mặc định “vi”.',
      )
      expect(validateTour(input).tour).toBeNull()
    })

    it('blank default-locale text', () => {
      const input = tourWith([[at(PATHS.offer, 'departsFrom'), { vi: ' ', en: 'Hanoi' }]])
      const problem = onlyProblem(input, 'missing-default-text')
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the field “departsFrom” has no text for the default language “vi”.',
      )
    })

    it('missing default text in hotspot', () => {
      const input = tourWith([[at(PATHS.infoHotspot, 'text'), { en: 'The village loom.' }]])
      const problem = onlyProblem(input, 'missing-default-text')
      expect(problem.where).toEqual({ scene: 'huoi-nha', hotspot: 'weaving' })
    })

    it('plain string needs no locale', () => {
      const input = tourWith([[at(PATHS.panoramaScene, 'title'), 'Huổi Nhả']])
      expect(validateTour(input).problems).toEqual([])
    })

    it('unlisted locale is a warning', () => {
      const input = tourWith([
        [at(PATHS.panoramaScene, 'title'), { vi: 'Huổi Nhả', en: 'Huoi Nha', fr: 'Huoi Nha' }],
      ])
      const problem = onlyProblem(input, 'unlisted-locale')
      expect(problem.severity).toBe('warning')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”: the field “title.fr” has text in "fr", which is not in “locales” (vi, en).',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”: trường “title.fr” dùng ngôn ngữ "fr", không có trong “locales” (vi, en).',
      )
      expect(validateTour(input).tour).not.toBeNull()
    })
  })

  describe('links', () => {
    it('insecure link', () => {
      const input = tourWith([[at(PATHS.offer, 'url'), 'http://tours.example.com/book']])
      const problem = onlyProblem(input, 'insecure-link')
      expect(problem.severity).toBe('error')
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the link "http://tours.example.com/book" must use https: (http: only on localhost).',
      )
      expect(vi(problem)).toBe(
        'Ưu đãi “dien-bien-3n2d”: liên kết "http://tours.example.com/book" phải dùng https: (http: chỉ dùng cho localhost).',
      )
    })

    it.each(['http://localhost:5173/book', 'http://127.0.0.1:8080/book', 'http://[::1]/book'])(
      'allows %s',
      (url) => {
        expect(validateTour(tourWith([[at(PATHS.offer, 'url'), url]])).problems).toEqual([])
      },
    )

    it.each([
      'javascript:alert(1)',
      'ftp://tours.example.com/book',
      'http://localhost.example.com/book',
    ])('rejects %s', (url) => {
      const problem = onlyProblem(tourWith([[at(PATHS.offer, 'url'), url]]), 'insecure-link')
      expect(problem.value).toBe(url)
    })

    it('invalid link', () => {
      const input = tourWith([[at(PATHS.offer, 'url'), 'tours.example.com/book']])
      const problem = onlyProblem(input, 'invalid-link')
      expect(en(problem)).toBe(
        'Offer “dien-bien-3n2d”: the link "tours.example.com/book" is not a valid address.',
      )
      expect(vi(problem)).toBe(
        'Ưu đãi “dien-bien-3n2d”: liên kết "tours.example.com/book" không phải một địa chỉ hợp lệ.',
      )
    })
  })

  describe('asset paths', () => {
    const panoramaSrc = at(PATHS.panoramaScene, 'panorama', 'src')

    it.each([
      ['absolute URL to another host', 'https://cdn.example.com/huoi-nha.jpg'],
      ['protocol-relative URL', '//cdn.example.com/huoi-nha.jpg'],
      ['data URL', 'data:image/jpeg;base64,/9j/4AAQ'],
      ['javascript URL', 'javascript:alert(1)'],
    ])('%s leaves the site', (_name, src) => {
      const problem = onlyProblem(tourWith([[panoramaSrc, src]]), 'path-leaves-site')
      expect(problem.severity).toBe('error')
      expect(problem.value).toBe(src)
      expect(en(problem)).toBe(
        `Scene “huoi-nha”: the path ${JSON.stringify(src)} leaves the tour’s site; files must be on the same site.`,
      )
      expect(vi(problem)).toBe(
        `Cảnh “huoi-nha”: đường dẫn ${JSON.stringify(src)} ra ngoài trang của tour; tệp phải nằm cùng trang.`,
      )
    })

    it.each([
      ['model', at(PATHS.modelScene, 'model', 'src'), 'Scene “stilt-house”'],
      [
        'hotspot image',
        at(PATHS.infoHotspot, 'image', 'src'),
        'Scene “huoi-nha”, hotspot “weaving”',
      ],
      ['offer image', at(PATHS.offer, 'image', 'src'), 'Offer “dien-bien-3n2d”'],
    ])('checks %s path', (_name, path, place) => {
      const problem = onlyProblem(tourWith([[path, '//cdn.example.com/x']]), 'path-leaves-site')
      expect(en(problem)).toMatch(new RegExp(`^${place}: the path "//cdn.example.com/x"`))
    })

    it.each([
      ['relative', '../../panoramas/huoi-nha.jpg'],
      ['same folder', 'huoi-nha.jpg'],
    ])('%s path stays on site', (_name, src) => {
      expect(validateTour(tourWith([[panoramaSrc, src]])).problems).toEqual([])
    })

    it('root-relative path is a warning', () => {
      const input = tourWith([[panoramaSrc, '/panoramas/gate.jpg']])
      const problem = onlyProblem(input, 'root-relative-path')
      expect(problem.severity).toBe('warning')
      expect(problem.path).toEqual(panoramaSrc)
      expect(problem.value).toBe('/panoramas/gate.jpg')
      expect(problem.expected).toBe('"../../panoramas/gate.jpg"')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”: the path "/panoramas/gate.jpg" starts at the site root, so it breaks when the site is served from a sub-folder; write it relative to the tour file, such as "../../panoramas/gate.jpg".',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”: đường dẫn "/panoramas/gate.jpg" tính từ gốc trang web nên sẽ hỏng khi trang web nằm trong một thư mục con; hãy viết đường dẫn tương đối so với tệp tour, ví dụ "../../panoramas/gate.jpg".',
      )
      expect(codesOf(input)).toEqual(['root-relative-path'])
      expect(validateTour(input).tour).not.toBeNull()
    })

    it.each([
      ['model', at(PATHS.modelScene, 'model', 'src'), '/models/house.glb'],
      ['hotspot image', at(PATHS.infoHotspot, 'image', 'src'), '/panoramas/loom.jpg'],
      ['offer image', at(PATHS.offer, 'image', 'src'), '/panoramas/offer.jpg'],
      ['backslash', panoramaSrc, '\\panoramas\\gate.jpg'],
      ['leading space', panoramaSrc, ' /panoramas/gate.jpg'],
    ])('warns about root-relative %s path', (_name, path, src) => {
      const problem = onlyProblem(tourWith([[path, src]]), 'root-relative-path')
      expect(problem.path).toEqual(path)
      expect(problem.value).toBe(src)
    })

    it('two slashes name a host, not the root', () => {
      const input = tourWith([[panoramaSrc, '//tours.example.org/panoramas/gate.jpg']])
      const options = { tourUrl: 'https://tours.example.org/scenes/tay-bac/tour.json' }
      expect(codesOf(input, options)).toEqual([])
      expect(codesOf(input)).toEqual(['path-leaves-site'])
    })

    it('suggests path from tour URL', () => {
      const input = tourWith([[panoramaSrc, '/scenes/tay-bac/gate.jpg']])
      const options = { tourUrl: 'https://example.org/vr/scenes/tay-bac/tour.json' }
      expect(onlyProblem(input, 'root-relative-path', options).expected).toBe('"gate.jpg"')
    })

    it('same origin as tour URL', () => {
      const input = tourWith([[panoramaSrc, 'https://tours.example.org/panoramas/huoi-nha.jpg']])
      const options = { tourUrl: 'https://tours.example.org/scenes/tay-bac/tour.json' }
      expect(validateTour(input, options).problems).toEqual([])
      expect(codesOf(input)).toEqual(['path-leaves-site'])
    })
  })

  describe('relativeToTour', () => {
    it.each([
      [
        'site at origin root',
        '/panoramas/a.jpg',
        'https://h.example/scenes/t/tour.json',
        '../../panoramas/a.jpg',
      ],
      [
        'site in sub-folder',
        '/panoramas/a.jpg',
        'https://h.example/vr/scenes/t/tour.json',
        '../../panoramas/a.jpg',
      ],
      ['file beside tour', '/scenes/t/a.jpg', 'https://h.example/scenes/t/tour.json', 'a.jpg'],
      ['other tour', '/scenes/u/a.jpg', 'https://h.example/scenes/t/tour.json', '../u/a.jpg'],
      [
        'tour outside scenes/',
        '/panoramas/a.jpg',
        'https://h.example/tours/t.json',
        '../panoramas/a.jpg',
      ],
      ['tour at origin root', '/panoramas/a.jpg', 'https://h.example/t.json', 'panoramas/a.jpg'],
      [
        'dot segments',
        '/x/../panoramas/./a.jpg',
        'https://h.example/scenes/t/tour.json',
        '../../panoramas/a.jpg',
      ],
      [
        'query and fragment',
        '/panoramas/a.jpg?v=2#top',
        'https://h.example/scenes/t/tour.json',
        '../../panoramas/a.jpg?v=2#top',
      ],
      [
        'letters and spaces',
        '/panoramas/chợ phiên.jpg',
        'https://h.example/scenes/t/tour.json',
        '../../panoramas/chợ phiên.jpg',
      ],
      [
        'escapes kept',
        '/panoramas/a%20b.jpg',
        'https://h.example/scenes/t/tour.json',
        '../../panoramas/a%20b.jpg',
      ],
      ['site root itself', '/', 'https://h.example/t.json', './'],
    ])('%s', (_name, path, tourUrl, expected) => {
      expect(relativeToTour(path, tourUrl)).toBe(expected)
    })
  })

  describe('unknown keys', () => {
    it('unknown scene key is a warning', () => {
      const input = tourWith([[at(PATHS.panoramaScene, 'autoRotate'), true]])
      const problem = onlyProblem(input, 'unknown-key')
      expect(problem.severity).toBe('warning')
      expect(en(problem)).toBe(
        'Scene “huoi-nha”: the field “autoRotate” is not part of the tour format and is ignored.',
      )
      expect(vi(problem)).toBe(
        'Cảnh “huoi-nha”: trường “autoRotate” không có trong định dạng tour và sẽ bị bỏ qua.',
      )
      expect(validateTour(input).tour).not.toBeNull()
    })

    it('future top-level section is a warning', () => {
      const input = tourWith([[['guide'], { voice: 'narrator', scenes: ['huoi-nha'] }]])
      const problem = onlyProblem(input, 'unknown-key')
      expect(problem.path).toEqual(['guide'])
      expect(en(problem)).toBe(
        'Tour: the field “guide” is not part of the tour format and is ignored.',
      )
      expect(validateTour(input).tour).not.toBeNull()
    })

    it('unknown hotspot key names hotspot', () => {
      const input = tourWith([[at(PATHS.offerHotspot, 'icon'), 'bed']])
      const problem = onlyProblem(input, 'unknown-key')
      expect(problem.where).toEqual({ scene: 'huoi-nha', hotspot: 'homestay' })
    })

    it('misspelt key beside missing field', () => {
      const input = tourWith([
        [at(PATHS.sceneHotspot, 'target'), REMOVE],
        [at(PATHS.sceneHotspot, 'tagret'), 'stilt-house'],
      ])
      const unknown = onlyProblem(input, 'unknown-key')
      expect(unknown.severity).toBe('warning')
      expect(unknown.path).toEqual([...PATHS.sceneHotspot, 'tagret'])
      expect(en(unknown)).toBe(
        'Scene “huoi-nha”, hotspot “to-stilt-house”: the field “tagret” is not part of the tour format and is ignored.',
      )
      const missing = onlyProblem(input, 'missing-field')
      expect(missing.path).toEqual([...PATHS.sceneHotspot, 'target'])
      expect(validateTour(input).tour).toBeNull()
    })

    it('top-level typo beside missing field', () => {
      const input = tourWith([
        [['start'], REMOVE],
        [['strat'], 'huoi-nha'],
      ])
      expect(onlyProblem(input, 'unknown-key').path).toEqual(['strat'])
      expect(onlyProblem(input, 'missing-field').path).toEqual(['start'])
    })

    it('reported while another part fails', () => {
      const input = tourWith([
        [at(PATHS.offer, 'prize'), 100],
        [at(PATHS.modelHotspot, 'position'), 'roof'],
      ])
      expect(onlyProblem(input, 'unknown-key').path).toEqual([...PATHS.offer, 'prize'])
      expect(codesOf(input)).toContain('invalid-type')
    })

    it.each([
      ['scene view', at(PATHS.panoramaScene, 'view', 'roll'), 'view.roll'],
      ['target view', at(PATHS.sceneHotspot, 'targetView', 'zoom'), 'targetView.zoom'],
      ['hotspot image', at(PATHS.infoHotspot, 'image', 'caption'), 'image.caption'],
      ['panorama source', at(PATHS.panoramaScene, 'panorama', 'projection'), 'panorama.projection'],
      ['model camera', at(PATHS.modelScene, 'camera', 'zoom'), 'camera.zoom'],
      ['model hotspot', at(PATHS.modelHotspot, 'yaw'), 'yaw'],
      ['offer price', at(PATHS.offer, 'price', 'tax'), 'price.tax'],
    ])('finds unknown key in %s', (_name, path, field) => {
      const problem = onlyProblem(tourWith([[path, 1]]), 'unknown-key')
      expect(problem.path).toEqual(path)
      expect(problem.field).toBe(field)
    })

    it('key unknown to every hotspot kind', () => {
      const input = tourWith([
        [at(PATHS.sceneHotspot, 'kind'), 'link'],
        [at(PATHS.sceneHotspot, 'tagret'), 'stilt-house'],
      ])
      // `target` and `targetView` belong to scene hotspots, so only `tagret` is unknown.
      expect(onlyProblem(input, 'unknown-key').path).toEqual([...PATHS.sceneHotspot, 'tagret'])
    })

    it('locale keys are never unknown', () => {
      const input = tourWith([
        [at(PATHS.panoramaScene, 'title'), { vi: 'Huổi Nhả', en: 'Huoi Nha', fr: 'Huoi Nha' }],
      ])
      expect(codesOf(input)).toEqual(['unlisted-locale'])
    })

    it('no warning for key of another scene kind', () => {
      const input = tourWith([[at(PATHS.panoramaScene, 'camera'), { position: [0, 0, 0] }]])
      const problem = onlyProblem(input, 'unknown-key')
      expect(problem.path).toEqual([...PATHS.panoramaScene, 'camera'])
      expect(codesOf(input)).toEqual(['unknown-key'])
    })
  })

  describe('reporting', () => {
    it('reports all problems at once', () => {
      const input = tourWith([
        [['start'], 'ban-lac'],
        [at(PATHS.sceneHotspot, 'yaw'), 200],
        [at(PATHS.offerHotspot, 'offer'), 'sapa-2n1d'],
        [at(PATHS.modelHotspot, 'target'), 'stilt-house'],
        [at(PATHS.offer, 'url'), 'http://tours.example.com/book'],
        [at(PATHS.panoramaScene, 'title'), { en: 'Huoi Nha' }],
        [at(PATHS.modelScene, 'model', 'src'), 'https://cdn.example.com/house.glb'],
      ])
      const codes = codesOf(input)
      for (const code of [
        'unknown-start',
        'out-of-range',
        'unknown-offer',
        'self-link',
        'insecure-link',
        'missing-default-text',
        'path-leaves-site',
      ] as const) {
        expect(codes, code).toContain(code)
      }
      expect(validateTour(input).tour).toBeNull()
    })

    it('lists problems in file order', () => {
      const input = tourWith([
        [at(PATHS.modelHotspot, 'target'), 'stilt-house'],
        [at(PATHS.sceneHotspot, 'yaw'), 200],
        [at(PATHS.offer, 'url'), 'http://tours.example.com/book'],
        [['start'], 'ban-lac'],
      ])
      const paths = validateTour(input)
        .problems.filter((problem) => problem.severity === 'error')
        .map((problem) => problem.path.join('/'))
      const keys = Object.keys(input)
      const expected = [
        ['start', 'start'],
        ['offers', 'offers/0/url'],
        ['scenes', 'scenes/0/hotspots/0/yaw'],
        ['scenes', 'scenes/1/hotspots/0/target'],
      ]
        .sort(([a], [b]) => keys.indexOf(a ?? '') - keys.indexOf(b ?? ''))
        .map(([, path]) => path)
      expect(paths).toEqual(expected)
    })

    it('reports each problem once', () => {
      const input = tourWith([[at(PATHS.modelHotspot, 'target'), 'tea-hill']])
      expect(codesOf(input)).toEqual(['unknown-target'])
    })

    it('names scene by position without id', () => {
      const input = tourWith([[at(PATHS.modelScene, 'id'), REMOVE]])
      const problem = onlyProblem(input, 'missing-field')
      expect(en(problem)).toBe('Scene “#2”: the field “id” is missing.')
    })

    it('cuts long values', () => {
      const long = `https://cdn.example.com/${'x'.repeat(200)}.jpg`
      const problem = onlyProblem(
        tourWith([[at(PATHS.panoramaScene, 'panorama', 'src'), long]]),
        'path-leaves-site',
      )
      expect(en(problem)).toContain('…')
      expect(en(problem).length).toBeLessThan(200)
    })
  })
})
